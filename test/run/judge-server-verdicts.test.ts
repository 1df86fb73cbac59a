/** How a step's `server:` checks end (missing server, replay, Ctrl-C, timeout) and the server lines of its evidence. */
import t, { type Test } from 'tap'
import { createReplayServerLink } from '../../src/app/far-side-servers.js'
import { composeServerLink } from '../../src/app/server-link.js'
import type { Step } from '../../src/model/sequence.js'
import type { ServerLink } from '../../src/model/server-link.js'
import type { RunContext } from '../../src/run/run-context.js'
import { runStep, type StepRun } from '../../src/run/run-step.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { FakeFarSide } from '../helpers/fake-far-side.js'
import { openStepContext } from '../helpers/step-context.js'

interface OpenRun {
  ctx: RunContext
  steps: Step[]
  /** Runs step `index` (0-based) of the sequence. */
  run(index: number): Promise<StepRun>
}

/** A run of the sequence's `steps` on a silent scripted modem, with `servers` as the far side; the chat keeps the run's clock. */
async function openRun(t: Test, yaml: string, options: { servers?: ServerLink; signal?: AbortSignal } = {}): Promise<OpenRun> {
  const loaded = loadSequenceText('s.yaml', Buffer.from(`sequence: s\ntimeout: 500ms\nsteps:\n${yaml}`))
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  const ctx = await openStepContext(t, loaded.sequence, new ScriptedPeer(), options)
  const steps = loaded.sequence.steps
  return { ctx, steps, run: index => runStep('steps', steps[index]!, ctx) }
}

const serverTexts = (run: StepRun): string[] => run.result.received.filter(line => line.kind === 'server').map(line => line.text)

t.test('a check of a server the run lacks errors with a hint that names the servers the run has', async t => {
  const check = `  - server: { tcp: { received: hi }, http: { path: /x } }\n    timeout: 50ms\n`
  const alone = await openRun(t, check)
  const { result: noServers } = await alone.run(0)
  t.equal(noServers.status, 'errored')
  t.equal(noServers.failure?.kind, 'server-missing')
  t.equal(noServers.reason, 'this step uses the tcp server, but the run has no far-side servers: run it on sim://')
  t.same(noServers.received, [], 'no server, no server lines')

  const echo = new FakeFarSide(['tcp', 'udp'])
  echo.tcp('hi')
  const withEcho = await openRun(t, check, { servers: composeServerLink([echo]) })
  const { result: noHttp } = await withEcho.run(0)
  t.equal(noHttp.status, 'errored')
  t.equal(noHttp.failure?.kind, 'server-missing')
  t.equal(noHttp.reason, 'this step uses the http server, which this run does not have (it has tcp, udp)')
  t.same(serverTexts({ result: noHttp }), ['tcp #1: "hi"'], 'the evidence still shows what the servers it has received')

  const empty = await openRun(t, check, { servers: composeServerLink([]) })
  const { result: none } = await empty.run(0)
  t.equal(none.failure?.kind, 'server-missing')
  t.equal(none.reason, 'this step uses the tcp server, which this run does not have (it has none)')
})

t.test('a replay cannot judge a server check: the step errors and says to run it on sim://', async t => {
  const replay = await openRun(t, `  - server: { udp: { received: hi } }\n`, { servers: createReplayServerLink() })
  const { result } = await replay.run(0)
  t.equal(result.status, 'errored')
  t.equal(result.failure?.kind, 'server-missing')
  t.equal(
    result.reason,
    'the udp server could not be checked: a replay keeps what the modem said, not what the servers received: run the sequence on sim:// to check it',
  )
})

t.test('Ctrl-C during a server wait errors the step as interrupted and stops the run', async t => {
  const ctrlC = new AbortController()
  const open = await openRun(t, `  - server: { tcp: { received: never } }\n    timeout: 5s\n`, {
    servers: composeServerLink([new FakeFarSide(['tcp', 'udp'])]),
    signal: ctrlC.signal,
  })
  setTimeout(() => ctrlC.abort(), 20)
  const startedMs = Date.now()
  const run = await open.run(0)
  t.equal(run.result.status, 'errored')
  t.equal(run.result.failure?.kind, 'interrupted')
  t.equal(run.result.reason, 'interrupted by the user')
  t.equal(run.interruption, 'interrupted')
  t.ok(Date.now() - startedMs < 1000, 'at once, not after the 5 s timeout')
})

t.test('a check that times out says what it waited for, for how long, and the last three things received instead', async t => {
  const echo = new FakeFarSide(['tcp', 'udp'])
  const check = `  - server: { tcp: { received: xyz } }\n    timeout: 50ms\n`
  const open = await openRun(t, `  - sleep: 20ms\n${check.repeat(4)}`, { servers: composeServerLink([echo]) })
  await open.run(0)
  const reasons: Array<string | undefined> = []
  for (const fed of [[], ['a'], ['b', 'c'], ['d']]) {
    for (const text of fed) echo.tcp(text)
    reasons.push((await open.run(reasons.length + 1)).result.reason)
  }
  t.same(reasons, [
    'expected tcp received "xyz" within 50 ms; the tcp server received nothing',
    'expected tcp received "xyz" within 50 ms; the tcp server received tcp #1: "a"',
    'expected tcp received "xyz" within 50 ms; the tcp server received tcp #1: "a", tcp #1: "b", tcp #1: "c"',
    'expected tcp received "xyz" within 50 ms; the tcp server received 4 things, last tcp #1: "b", tcp #1: "c", tcp #1: "d"',
  ])
})

t.test('a check waits until its own deadline, however late in the run its step starts', async t => {
  const echo = new FakeFarSide(['tcp', 'udp'])
  const open = await openRun(t, `  - sleep: 100ms\n  - server: { tcp: { received: late } }\n    timeout: 40ms\n`, {
    servers: composeServerLink([echo]),
  })
  await open.run(0)
  const late = setTimeout(() => echo.tcp('late'), 90)
  t.teardown(() => clearTimeout(late))
  const { result } = await open.run(1)
  t.equal(result.status, 'failed', 'what arrives 90 ms into a 40 ms step is too late')
  t.equal(result.failure?.kind, 'server-timeout')
  t.equal(result.reason, 'expected tcp received "late" within 40 ms; the tcp server received nothing')
})

t.test('what the checked servers received becomes server lines, oldest first, on the run clock', async t => {
  const far = new FakeFarSide(['tcp', 'udp', 'http', 'sms'])
  const open = await openRun(t, `  - sleep: 60ms\n  - server: { tcp: { received: ab }, http: { method: get } }\n`, {
    servers: composeServerLink([far]),
  })
  await open.run(0)
  const fedAtMs = open.ctx.recorder.elapsedMs()
  far.tcp('a', 30)
  far.tcp('b', 10)
  far.receive({ server: 'http', kind: 'request', method: 'GET', path: '/x', body: Buffer.alloc(0) }, 20)
  far.receive({ server: 'sms', kind: 'message', path: '+491701234567', body: Buffer.from('not checked') }, 15)
  const run = await open.run(1)
  t.equal(run.result.status, 'passed', run.result.reason ?? '')
  t.same(serverTexts(run), ['tcp #1: "a"', 'http: GET /x', 'tcp #1: "b"'], 'by arrival, the unchecked sms server left out')
  const lines = run.result.received.filter(line => line.kind === 'server')
  const offByMs = lines.map((line, i) => Math.abs(line.atMs - (fedAtMs - [30, 20, 10][i]!)))
  t.ok(
    offByMs.every(ms => ms <= 2),
    `each line is timed when its event arrived on the run clock, to the ms Date.now() has: ${JSON.stringify(lines.map(line => line.atMs))}`,
  )
})
