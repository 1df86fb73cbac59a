/**
 * `serve:` and `server:` steps in the executor, against a fake far side: a server the test feeds events into and
 * that records the actions it was asked for, over a scripted modem.
 */
import t, { type Test } from 'tap'
import { composeServerLink } from '../../src/app/server-link.js'
import type { StepResult } from '../../src/model/run-record.js'
import type { ServerEvent, ServerLink } from '../../src/model/server-link.js'
import { runStep } from '../../src/run/run-step.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { FakeFarSide } from '../helpers/fake-far-side.js'
import { openStepContext } from '../helpers/step-context.js'

const bytes = (server: 'tcp' | 'udp', text: string, connection = 1): Omit<ServerEvent, 'atMs'> => ({
  server,
  kind: 'bytes',
  connection,
  body: Buffer.from(text),
})

/** Runs the sequence's `steps` one by one on a scripted modem with `servers` as the far side. */
async function runSteps(t: Test, yaml: string, peer: ScriptedPeer, servers?: ServerLink): Promise<StepResult[]> {
  const loaded = loadSequenceText('s.yaml', Buffer.from(`sequence: s\ntimeout: 500ms\nsteps:\n${yaml}`))
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  const ctx = await openStepContext(t, loaded.sequence, peer, { vars: { word: 'hello' }, ...(servers ? { servers } : {}) })
  const results: StepResult[] = []
  for (const step of loaded.sequence.steps) results.push((await runStep('steps', step, ctx)).result)
  return results
}

t.test('a serve step acts with its templates rendered, then waits for the URCs it causes', async t => {
  const peer = new ScriptedPeer()
  const tcp = new FakeFarSide(['tcp', 'udp'], () => setTimeout(() => peer.send('\r\n+CIPRXGET: 1,0\r\n'), 20))
  const [step] = await runSteps(
    t,
    `  - serve: { tcp: { send: "{{word}}\\r\\n" } }\n    urc: "+CIPRXGET: 1,0"\n`,
    peer,
    composeServerLink([tcp]),
  )
  t.equal(step!.status, 'passed', step!.reason ?? '')
  t.equal(step!.actionKind, 'serve')
  t.same(tcp.acts, [{ server: 'tcp', kind: 'send', bytes: Buffer.from('hello\r\n') }])
  t.match(step!.action, /^tcp sends "hello\\r\\n"$/)
})

t.test('a server check passes on bytes split over reads of one connection, and not across connections', async t => {
  const tcp = new FakeFarSide(['tcp', 'udp'])
  const peer = new ScriptedPeer()
    .on('AT+A\r', () => {
      tcp.receive(bytes('tcp', 'hel'))
      setTimeout(() => tcp.receive(bytes('tcp', 'lo\r\n')), 30)
      return '\r\nOK\r\n'
    })
    .on('AT+B\r', () => {
      tcp.receive(bytes('tcp', 'wor', 2))
      tcp.receive(bytes('tcp', 'ld', 3))
      tcp.receive(bytes('udp', 'wor', 0))
      tcp.receive(bytes('udp', 'ld', 0))
      return '\r\nOK\r\n'
    })
  const [split, across, datagrams] = await runSteps(
    t,
    `  - send: AT+A\n    server: { tcp: { received: "hello\\r\\n" } }\n  - send: AT+B\n    server: { tcp: { received: world } }\n    timeout: 100ms\n  - server: { udp: { received: world } }\n    timeout: 100ms\n`,
    peer,
    composeServerLink([tcp]),
  )
  t.equal(split!.status, 'passed', split!.reason ?? '')
  t.ok(split!.expected.includes('server: tcp received "hello\\r\\n"'), JSON.stringify(split!.expected))
  t.same(
    split!.received.filter(line => line.kind === 'server').map(line => line.text),
    ['tcp #1: "hel"', 'tcp #1: "lo\\r\\n"'],
    'what the server received is the step evidence',
  )
  t.equal(across!.status, 'failed')
  t.equal(across!.failure?.kind, 'server-timeout')
  t.match(across!.reason, /tcp #2: "wor", tcp #3: "ld"/, 'the reason says what arrived instead')
  t.equal(datagrams!.failure?.kind, 'server-timeout', 'a UDP check looks inside one datagram, never across two')
  t.equal(tcp.listenerCount, 0, 'no wait is left listening')
})

t.test('a step with an action looks only at what arrived since it started; a check step at the whole run', async t => {
  const udp = new FakeFarSide(['tcp', 'udp'])
  udp.receive(bytes('udp', 'early', 0))
  const peer = new ScriptedPeer().on('AT\r', '\r\nOK\r\n')
  const [send, check] = await runSteps(
    t,
    `  - send: AT\n    server: { udp: { received: early } }\n    timeout: 100ms\n  - server: { udp: { received: { hex: "6561" } } }\n    timeout: 100ms\n`,
    peer,
    composeServerLink([udp]),
  )
  t.equal(send!.failure?.kind, 'server-timeout')
  t.match(send!.reason, /received nothing/)
  t.equal(check!.status, 'passed', check!.reason ?? '')
  t.equal(check!.action, 'check the servers')
})

t.test('http, ftp and sms checks match field by field', async t => {
  const far = new FakeFarSide(['http', 'ftp', 'sms'])
  far.receive({
    server: 'http',
    kind: 'request',
    method: 'POST',
    path: '/post?id=7',
    headers: { 'content-type': 'text/plain' },
    body: Buffer.from('hello'),
  })
  far.receive({ server: 'ftp', kind: 'file', path: '/upload/a.txt', body: Buffer.from('abc') })
  far.receive({ server: 'sms', kind: 'message', path: '+491701234567', body: Buffer.from('hello') })
  const peer = new ScriptedPeer()
  const steps = await runSteps(
    t,
    `  - server:
      http: { method: post, path: "/^\\\\/post\\\\?id=\\\\d+$/", headers: { Content-Type: text/plain }, body: "{{word}}" }
      ftp: { file: /upload/a.txt, content: abc }
      sms: { to: "+491701234567", text: hello }
  - server: { http: { path: /post } }
    timeout: 50ms
  - server: { http: { headers: { content-type: text/html } } }
    timeout: 50ms
  - server: { ftp: { file: /upload/a.txt, content: abcd } }
    timeout: 50ms
  - server: { sms: { to: "+49" } }
    timeout: 50ms
`,
    peer,
    composeServerLink([far]),
  )
  t.equal(steps[0]!.status, 'passed', steps[0]!.reason ?? '')
  t.same(
    steps.slice(1).map(step => step.failure?.kind),
    ['server-timeout', 'server-timeout', 'server-timeout', 'server-timeout'],
    'an exact path wants the query too; header values, file content and the address are exact',
  )
})

t.test('a server the run lacks errors the step with a hint; a server that cannot act errors too', async t => {
  const peer = new ScriptedPeer()
  const failing = new FakeFarSide(['tcp', 'udp'], () => {
    throw new Error('no open TCP connection')
  })
  const [noLink, noNetworkAtAll] = await runSteps(t, `  - serve: { tcp: { close: true } }\n  - serve: { network: drop }\n`, peer)
  t.equal(noLink!.status, 'errored')
  t.equal(noLink!.failure?.kind, 'server-missing')
  t.match(noLink!.reason, /no far-side servers: run it on sim:\/\//)
  t.equal(noNetworkAtAll!.failure?.kind, 'server-missing')
  t.match(noNetworkAtAll!.reason, /real device has no network/)
  const [noNetwork, cannot, noHttp] = await runSteps(
    t,
    `  - serve: { network: { signal: 10 } }\n  - serve: { tcp: { close: true } }\n  - server: { http: { path: /x } }\n`,
    new ScriptedPeer(),
    composeServerLink([failing]),
  )
  t.equal(noNetwork!.failure?.kind, 'server-missing')
  t.match(noNetwork!.reason, /real device has no network/)
  t.equal(cannot!.failure?.kind, 'server-action-failed')
  t.match(cannot!.reason, /no open TCP connection/)
  t.equal(noHttp!.failure?.kind, 'server-missing')
})
