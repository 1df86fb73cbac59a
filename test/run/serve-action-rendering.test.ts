/**
 * What a `serve:` step hands the far-side server and how the step names its action: every template rendered,
 * optional route fields only when written, and one action text per kind.
 */
import t, { type Test } from 'tap'
import { composeServerLink } from '../../src/app/server-link.js'
import type { StepResult } from '../../src/model/run-record.js'
import type { ServerName } from '../../src/model/server-link.js'
import { runStep } from '../../src/run/run-step.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { FakeFarSide } from '../helpers/fake-far-side.js'
import { openStepContext } from '../helpers/step-context.js'

const ALL_SERVERS: ServerName[] = ['tcp', 'udp', 'tls', 'http', 'ftp', 'sms', 'network']

/** Runs the sequence's steps one by one on a silent scripted modem; `far` is the far side, none when undefined. */
async function runServeSteps(t: Test, yaml: string, far?: FakeFarSide): Promise<StepResult[]> {
  const loaded = loadSequenceText('s.yaml', Buffer.from(`sequence: s\ntimeout: 200ms\nsteps:\n${yaml}`))
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  const ctx = await openStepContext(t, loaded.sequence, new ScriptedPeer(), {
    vars: { word: 'hello', verb: 'get', number: '1701' },
    ...(far ? { servers: composeServerLink([far]) } : {}),
  })
  const results: StepResult[] = []
  for (const step of loaded.sequence.steps) results.push((await runStep('steps', step, ctx)).result)
  return results
}

t.test('an http route reaches the server with every template rendered and the method in capitals', async t => {
  const far = new FakeFarSide(ALL_SERVERS)
  const steps = await runServeSteps(
    t,
    `  - serve:
      http:
        method: "{{verb}}"
        path: "/{{word}}"
        status: 201
        headers: { X-Word: "{{word}}" }
        body: "{{word}} world"
        delay: 20ms
        chunked: 4
  - serve: { http: { path: /old, status: 302, redirect: "/{{word}}" } }
`,
    far,
  )
  t.same(
    steps.map(step => [step.status, step.action]),
    [
      ['passed', 'http serves GET /hello (201)'],
      ['passed', 'http serves any /old (302)'],
    ],
  )
  t.same(far.acts, [
    {
      server: 'http',
      kind: 'route',
      route: {
        path: '/hello',
        status: 201,
        headers: { 'X-Word': 'hello' },
        method: 'GET',
        body: Buffer.from('hello world'),
        delayMs: 20,
        chunkBytes: 4,
      },
    },
    { server: 'http', kind: 'route', route: { path: '/old', status: 302, headers: {}, redirect: '/hello' } },
  ])
})

t.test('a route with only a path reaches the server with no method, body or redirect', async t => {
  const far = new FakeFarSide(ALL_SERVERS)
  const [step] = await runServeSteps(t, `  - serve: { http: { path: /plain } }\n`, far)
  t.equal(step!.status, 'passed', step!.reason ?? '')
  t.equal(step!.action, 'http serves any /plain (200)')
  t.same(far.acts, [{ server: 'http', kind: 'route', route: { path: '/plain', status: 200, headers: {} } }])
})

t.test('an ftp file and an sms reach the server rendered, and the step names them', async t => {
  const far = new FakeFarSide(ALL_SERVERS)
  const steps = await runServeSteps(
    t,
    `  - serve: { ftp: { file: "/{{word}}.txt", content: "{{word}} é" } }
  - serve: { sms: { from: "+49{{number}}", text: "{{word}}\\r\\n" } }
`,
    far,
  )
  t.same(
    steps.map(step => [step.status, step.action]),
    [
      ['passed', 'ftp offers /hello.txt (8 bytes)'],
      ['passed', 'sms from +491701: "hello\\r\\n"'],
    ],
  )
  t.same(far.acts, [
    { server: 'ftp', kind: 'file', path: '/hello.txt', content: Buffer.from('hello é', 'utf8') },
    { server: 'sms', kind: 'deliver', from: '+491701', text: 'hello\r\n' },
  ])
})

t.test('a close, a network drop and a signal change are named for what they do', async t => {
  const far = new FakeFarSide(ALL_SERVERS)
  const steps = await runServeSteps(
    t,
    `  - serve: { tcp: { close: true } }
  - serve: { network: drop }
  - serve: { network: restore }
  - serve: { network: { signal: 12 } }
`,
    far,
  )
  t.same(
    steps.map(step => [step.status, step.action]),
    [
      ['passed', 'tcp closes the connection'],
      ['passed', 'network drop'],
      ['passed', 'network restore'],
      ['passed', 'network signal 12'],
    ],
  )
  t.same(far.acts, [
    { server: 'tcp', kind: 'close' },
    { server: 'network', kind: 'drop' },
    { server: 'network', kind: 'restore' },
    { server: 'network', kind: 'signal', rssi: 12 },
  ])
})

t.test('a serve step the run has no server for errors with only its action as evidence', async t => {
  const [step] = await runServeSteps(t, `  - serve: { ftp: { file: /a.txt, content: abc } }\n    urc: "+FTP: 1"\n`)
  t.equal(step!.status, 'errored')
  t.equal(step!.failure?.kind, 'server-missing')
  t.equal(step!.reason, 'this step uses the ftp server, but the run has no far-side servers: run it on sim://')
  t.same(step!.expected, ['ftp offers /a.txt (3 bytes)'])
  t.same(step!.received, [])
  t.same(step!.unexpectedUrcs, [])
})
