/**
 * How a step's window is judged, step by step over a scripted modem: the ways a command's exchange ends (wrong final,
 * prompt, timeout, abort line, link drop, Ctrl-C, too much data), expected lines missing or still to come as URCs,
 * URC waits and their failures, lines that must not appear, and the broker check.
 */
import t, { type Test } from 'tap'
import type { BrokerLink, BrokerWait, ObservedMessage } from '../../src/model/broker-link.js'
import { renderMatcher } from '../../src/run/render-step.js'
import { runStep, type StepRun } from '../../src/run/run-step.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { BrokerWaitError, createBrokerObserver, type ObserverFeed } from '../../src/servers/broker/broker-observer.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { openStepContext } from '../helpers/step-context.js'

/** What a run around the steps has besides the modem. */
interface Bench {
  /** The run's clock stands still at this many ms (default 1000): every wait then lasts exactly its window. */
  atMs?: number
  broker?: BrokerLink
  signal?: AbortSignal
  /** Most lines the chat keeps for one step (default the chat's). */
  maxStepLines?: number
}

/**
 * Runs the sequence's steps one by one on `peer` (a SIMCom A76XX chat), as the runner does, and returns each run.
 * `yaml` is the sequence after its name, default timeout (500 ms) and settle time (20 ms).
 */
async function runSteps(t: Test, yaml: string, peer: ScriptedPeer, bench: Bench = {}): Promise<StepRun[]> {
  const loaded = loadSequenceText('window.yaml', Buffer.from(`sequence: window\ntimeout: 500ms\nsettle: 20ms\n${yaml}`))
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  let clockMs = 0
  const ctx = await openStepContext(t, loaded.sequence, peer, { ...bench, now: () => clockMs })
  // The steps run this far into the run, on a clock that then stands still.
  clockMs = bench.atMs ?? 1000
  ctx.abort = loaded.sequence.abort.flatMap(matcher => (matcher.kind === 'absent' ? [] : [renderMatcher(matcher, ctx)]))
  const runs: StepRun[] = []
  for (const step of loaded.sequence.steps) runs.push(await runStep('steps', step, ctx))
  return runs
}

/** Runs `action` after `ms` real milliseconds, unless the test has ended. */
function later(t: Test, ms: number, action: () => void): void {
  const timer = setTimeout(action, ms)
  t.teardown(() => clearTimeout(timer))
}

/** The step's verdict in the fields a user reads: status, failure code and reason. */
function verdictOf(run: StepRun | undefined): { status?: string; failure?: string; reason?: string } {
  const result = run?.result
  return {
    ...(result?.status === undefined ? {} : { status: result.status }),
    ...(result?.failure === undefined ? {} : { failure: result.failure.kind }),
    ...(result?.reason === undefined ? {} : { reason: result.reason }),
  }
}

t.test('a wrong final result code fails the step, naming the last line before it and what its code means', async t => {
  const peer = new ScriptedPeer()
    .on('AT+CSQ\r', '\r\n+CSQ: 99,99\r\n\r\nERROR\r\n')
    .on('AT+CPIN?\r', '\r\n+CME ERROR: 10\r\n')
    .on('AT+CMQTTDISC=0,120\r', '\r\n+CMQTTDISC: 0,11\r\n\r\nERROR\r\n')
  const runs = await runSteps(
    t,
    `steps:
  - send: AT+CSQ
  - send: AT+CPIN?
  - send: AT+CMQTTDISC=0,120
`,
    peer,
  )
  t.strictSame(runs.map(verdictOf), [
    { status: 'failed', failure: 'final-mismatch', reason: 'expected `OK`, got `ERROR` after `+CSQ: 99,99`' },
    { status: 'failed', failure: 'final-mismatch', reason: 'expected `OK`, got `+CME ERROR: 10` (10 = SIM not inserted)' },
    { status: 'failed', failure: 'final-mismatch', reason: 'expected `OK`, got `ERROR` after `+CMQTTDISC: 0,11` (11 = no connection)' },
  ])
})

t.test('a prompt where a final result code is expected fails the step; DOWNLOAD counts as the prompt', async t => {
  const peer = new ScriptedPeer().on('AT+CMQTTTOPIC=0,5\r', '\r\n>').on('AT+HTTPDATA=5,1000\r', '\r\nDOWNLOAD\r\n')
  const runs = await runSteps(
    t,
    `steps:
  - send: AT+CMQTTTOPIC=0,5
  - send: AT+HTTPDATA=5,1000
    expect: ">"
`,
    peer,
  )
  t.strictSame(runs.map(verdictOf), [
    { status: 'failed', failure: 'final-mismatch', reason: 'expected `OK`, got `>`' },
    { status: 'passed' },
  ])
})

t.test('no final result code in time fails the step as no-final, with the last three lines that came', async t => {
  const peer = new ScriptedPeer().on(
    'AT+CGDCONT?\r',
    '\r\n+CGDCONT: 1,"IP","a"\r\n+CGDCONT: 2,"IP","b"\r\n+CGDCONT: 3,"IP","c"\r\n+CGDCONT: 4,"IP","d"\r\n',
  )
  const runs = await runSteps(
    t,
    `steps:
  - send: AT+CSQ
    timeout: 100ms
  - send: AT+CGDCONT?
    timeout: 100ms
`,
    peer,
  )
  t.strictSame(runs.map(verdictOf), [
    { status: 'failed', failure: 'no-final', reason: 'expected `OK`, got no final result code: nothing arrived within 100 ms' },
    {
      status: 'failed',
      failure: 'no-final',
      reason:
        'expected `OK`, got no final result code: within 100 ms got `+CGDCONT: 2,"IP","b"`, `+CGDCONT: 3,"IP","c"`, `+CGDCONT: 4,"IP","d"`',
    },
  ])
})

t.test('a no-final reason names how long the command waited for its final result code, not the URC window', async t => {
  const runs = await runSteps(
    t,
    `steps:
  - send: AT+CMQTTSTART
    timeout: 100ms
    urc: "+CMQTTSTART: 0"
    within: 2s
    continue_on_failure: true
  - send: AT+CMQTTSTOP
    timeout: 300ms
    urc: "+CMQTTSTOP: 0"
    within: 50ms
`,
    new ScriptedPeer(),
  )
  t.strictSame(runs.map(verdictOf), [
    { status: 'failed', failure: 'no-final', reason: 'expected `OK`, got no final result code: nothing arrived within 100 ms' },
    { status: 'failed', failure: 'no-final', reason: 'expected `OK`, got no final result code: nothing arrived within 300 ms' },
  ])
})

t.test('an abort line of the sequence ends a command as aborted, unless the step expects that very line', async t => {
  const peer = new ScriptedPeer()
    .on('AT+CMQTTPUB=0,1,60\r', '\r\n+CMQTTCONNLOST: 0,1\r\n')
    .on('AT+CPIN?\r', '\r\n+CPIN: NOT READY\r\n\r\nOK\r\n')
  const runs = await runSteps(
    t,
    `abort: ["/^\\\\+CMQTTCONNLOST: /", "+CPIN: NOT READY"]
steps:
  - send: AT+CMQTTPUB=0,1,60
    continue_on_failure: true
  - send: AT+CPIN?
    expect: ["+CPIN: NOT READY", OK]
`,
    peer,
  )
  t.strictSame(runs.map(verdictOf), [
    { status: 'failed', failure: 'aborted', reason: 'abort line `+CMQTTCONNLOST: 0,1` arrived' },
    { status: 'passed' },
  ])
})

t.test('the link dropping mid-command errors the step as link-dropped, naming the cause, and stops the run', async t => {
  const peer = new ScriptedPeer()
  peer.on('AT+CSQ\r', () => {
    peer.dropLink('cable pulled')
    return ''
  })
  const [run] = await runSteps(t, 'steps:\n  - send: AT+CSQ\n', peer)
  t.strictSame(verdictOf(run), { status: 'errored', failure: 'link-dropped', reason: 'the link dropped: cable pulled' })
  t.equal(run?.interruption, 'link-dropped')
})

t.test('Ctrl-C while a command waits for its answer errors the step as interrupted', async t => {
  const controller = new AbortController()
  const peer = new ScriptedPeer().on('AT+COPS=?\r', () => {
    later(t, 10, () => controller.abort())
    return ''
  })
  const [run] = await runSteps(t, 'steps:\n  - send: AT+COPS=?\n    timeout: 5s\n', peer, { signal: controller.signal })
  t.strictSame(verdictOf(run), { status: 'errored', failure: 'interrupted', reason: 'interrupted by the user' })
  t.equal(run?.interruption, 'interrupted')
})

t.test('a modem that floods a command with lines fails the step as too-much-data', async t => {
  const peer = new ScriptedPeer().on('AT+CPBR=1,10\r', `${'\r\n+CPBR: 1,"123",129,"x"'.repeat(8)}\r\n\r\nOK\r\n`)
  const runs = await runSteps(t, 'steps:\n  - no: "7"\n    send: AT+CPBR=1,10\n', peer, { maxStepLines: 5 })
  t.strictSame(runs.map(verdictOf), [{ status: 'failed', failure: 'too-much-data', reason: 'the modem sent more than 5 lines in step 7' }])
})

t.test('a missing response line fails the step at once, showing the last three lines that came, or that none did', async t => {
  const peer = new ScriptedPeer()
    .on('ATI\r', '\r\nManufacturer: SIMCOM INCORPORATED\r\nModel: A7670E\r\nRevision: A011B07\r\nSVN: 01\r\n\r\nOK\r\n')
    .on('AT+CGMR\r', '\r\nOK\r\n')
  const runs = await runSteps(
    t,
    `steps:
  - send: ATI
    expect: ["Model: A7600E", OK]
    continue_on_failure: true
  - send: AT+CGMR
    expect: ["+CGMR: A011B07", OK]
`,
    peer,
  )
  t.strictSame(runs.map(verdictOf), [
    {
      status: 'failed',
      failure: 'missing-line',
      reason: 'expected line `Model: A7600E`, got `Model: A7670E`, `Revision: A011B07`, `SVN: 01`',
    },
    { status: 'failed', failure: 'missing-line', reason: 'expected line `+CGMR: A011B07`, got no response line' },
  ])
})

/** A modem that answers what the host `written` with OK at once and sends `urc` `delayMs` later, as asynchronous results come. */
function answerThenUrc(t: Test, peer: ScriptedPeer, written: string, urc: string, delayMs = 30): ScriptedPeer {
  return peer.on(written, () => {
    later(t, delayMs, () => peer.send(`\r\n${urc}\r\n`))
    return '\r\nOK\r\n'
  })
}

t.test('an expected line that can still come as a URC after OK is waited for, whichever way the matcher starts', async t => {
  const peer = new ScriptedPeer()
  answerThenUrc(t, peer, 'AT+CMQTTSTART\r', '+CMQTTSTART: 0')
  answerThenUrc(t, peer, 'AT+NETOPEN\r', '+NETOPEN: 0')
  answerThenUrc(t, peer, 'AT+CMQTTSTOP\r', '+CMQTTSTOP: 0')
  answerThenUrc(t, peer, 'AT+CMQTTCONNECT=0,"tcp://broker.example:1883",60,1\r', '+CMQTTCONNECT: 0,0')
  answerThenUrc(t, peer, 'AT+CRESET\r', 'RDY')
  answerThenUrc(t, peer, 'AT+CMQTTREL=0\r', '+CMQTTREL: 0,0')
  const runs = await runSteps(
    t,
    String.raw`steps:
  - send: AT+CMQTTSTART
    expect: ["+CMQTTSTART: 0", OK]
  - send: AT+NETOPEN
    expect: ['/^\+NETOPEN: (?<err>\d+)$/', OK]
  - send: AT+CMQTTSTOP
    expect: ['/^\+\w+: 0$/', OK]
  - send: AT+CMQTTCONNECT=0,"tcp://broker.example:1883",60,1
    expect: ['/^\+CMQTT(CONNECT|START): 0,0$/', OK]
  - send: AT+CRESET
    expect: ['/RDY/', OK]
  - send: AT+CMQTTREL=0
    expect: ['/.*: 0,0$/', OK]
`,
    peer,
  )
  t.strictSame(
    runs.map(verdictOf),
    runs.map(() => ({ status: 'passed' })),
  )
  t.strictSame(runs[1]?.result.captures, { err: '0' })
})

t.test('a regex with no literal start is waited for after any command, even the read form of a URC', async t => {
  const peer = answerThenUrc(t, new ScriptedPeer(), 'AT+CMQTTRXSTART?\r', '+CMQTTRXSTART: 0,0')
  const runs = await runSteps(t, "steps:\n  - send: AT+CMQTTRXSTART?\n    expect: ['/.*: 0,0$/', OK]\n", peer)
  t.strictSame(runs.map(verdictOf), [{ status: 'passed' }])
})

t.test('an expected line waited for as a URC that never comes fails as missing-line, with what came in the window', async t => {
  const peer = answerThenUrc(t, new ScriptedPeer(), 'AT+CMQTTSTART\r', '+CMQTTNONET')
  const runs = await runSteps(t, 'steps:\n  - send: AT+CMQTTSTART\n    expect: ["+CMQTTSTART: 0", OK]\n    timeout: 200ms\n', peer)
  t.strictSame(runs.map(verdictOf), [
    { status: 'failed', failure: 'missing-line', reason: 'expected line `+CMQTTSTART: 0`, within 200 ms got `+CMQTTNONET`' },
  ])
})

t.test('the answer to a read command is its response line, not a URC still to come: a wrong one fails at once', async t => {
  const peer = new ScriptedPeer().on('AT+CREG?\r', '\r\n+CREG: 0,5\r\n\r\nOK\r\n')
  const runs = await runSteps(t, 'steps:\n  - send: AT+CREG?\n    expect: ["+CREG: 0,1", OK]\n', peer)
  t.strictSame(runs.map(verdictOf), [{ status: 'failed', failure: 'missing-line', reason: 'expected line `+CREG: 0,1`, got `+CREG: 0,5`' }])
})

t.test('a data step waits for the result URC that follows its OK', async t => {
  const peer = new ScriptedPeer().on('AT+CIPSEND=0,5\r', '\r\n>')
  answerThenUrc(t, peer, 'hello', '+CIPSEND: 0,5,5')
  const runs = await runSteps(
    t,
    `steps:
  - send: AT+CIPSEND=0,5
    expect: ">"
  - data: hello
    expect: ["+CIPSEND: 0,5,5", OK]
`,
    peer,
  )
  t.strictSame(runs.map(verdictOf), [{ status: 'passed' }, { status: 'passed' }])
})

t.test('a wait step waits for an expected line that comes after its URC (the payload of an MQTT message)', async t => {
  const peer = new ScriptedPeer()
  later(t, 10, () => peer.send('\r\n+CMQTTRXSTART: 0,5,2\r\n'))
  later(t, 40, () => peer.send('\r\n+CMQTTRXTOPIC: 0,5\r\nhello\r\n+CMQTTRXPAYLOAD: 0,2\r\nhi\r\n+CMQTTRXEND: 0\r\n'))
  const runs = await runSteps(t, 'steps:\n  - wait: "+CMQTTRXSTART: 0,5,2"\n    expect: hi\n', peer)
  t.strictSame(runs.map(verdictOf), [{ status: 'passed' }])
})

t.test('a line that must not appear fails the step, naming the line and the matcher it broke', async t => {
  const peer = new ScriptedPeer().on('AT+CMQTTSUB=0,5,1\r', '\r\n+CMQTTCONNLOST: 0,1\r\n\r\nOK\r\n')
  const runs = await runSteps(
    t,
    String.raw`steps:
  - send: AT+CMQTTSUB=0,5,1
    expect: [{ not: '/^\+CMQTTCONNLOST: /' }, OK]
`,
    peer,
  )
  t.strictSame(runs.map(verdictOf), [
    {
      status: 'failed',
      failure: 'forbidden-line',
      reason: '`+CMQTTCONNLOST: 0,1` arrived, which must not appear (/^\\+CMQTTCONNLOST: /)',
    },
  ])
})

t.test('an expected URC that never comes fails as urc-timeout, with the last three lines of the window and their meaning', async t => {
  const peer = new ScriptedPeer()
  later(t, 10, () => peer.send('\r\n+CREG: 1\r\n+CGEV: ME PDN ACT 1\r\n+CMQTTNONET\r\n+CMQTTCONNLOST: 0,3\r\n'))
  const runs = await runSteps(t, 'steps:\n  - wait: "+CMQTTCONNECT: 0,0"\n    timeout: 200ms\n', peer)
  t.strictSame(runs.map(verdictOf), [
    {
      status: 'failed',
      failure: 'urc-timeout',
      reason:
        'expected URC `+CMQTTCONNECT: 0,0`, within 200 ms got `+CGEV: ME PDN ACT 1`, `+CMQTTNONET`, `+CMQTTCONNLOST: 0,3` (3 = network closed)',
    },
  ])
})

t.test('a URC wait late in a run ends with its window: the URC that comes after it does not pass the step', async t => {
  const peer = answerThenUrc(t, new ScriptedPeer(), 'AT+CMQTTSTART\r', '+CMQTTSTART: 0', 600)
  const runs = await runSteps(t, 'steps:\n  - send: AT+CMQTTSTART\n    urc: "+CMQTTSTART: 0"\n    within: 200ms\n', peer, { atMs: 1000 })
  t.strictSame(runs.map(verdictOf), [
    { status: 'failed', failure: 'urc-timeout', reason: 'expected URC `+CMQTTSTART: 0`, nothing arrived within 200 ms' },
  ])
})

t.test('the named groups of an expected URC are the step captures', async t => {
  const peer = new ScriptedPeer()
  later(t, 10, () => peer.send('\r\n+CMQTTRXSTART: 0,5,2\r\n'))
  const [run] = await runSteps(
    t,
    String.raw`steps:
  - wait: '/^\+CMQTTRXSTART: (?<client>\d),(?<topicLength>\d+),\d+$/'
`,
    peer,
  )
  t.strictSame(verdictOf(run), { status: 'passed' })
  t.strictSame(run?.result.captures, { client: '0', topicLength: '5' })
})

const CONNECT = 'AT+CMQTTCONNECT=0,"tcp://broker.example:1883",60,1'

t.test("the command's own result URC with another result fails the step at once as result-mismatch, with its meaning", async t => {
  const peer = answerThenUrc(t, new ScriptedPeer(), `${CONNECT}\r`, '+CMQTTCONNECT: 0,11')
  const runs = await runSteps(t, `steps:\n  - send: ${CONNECT}\n    urc: "+CMQTTCONNECT: 0,0"\n    within: 1s\n`, peer)
  t.strictSame(runs.map(verdictOf), [
    {
      status: 'failed',
      failure: 'result-mismatch',
      reason: 'expected URC `+CMQTTCONNECT: 0,0`, got `+CMQTTCONNECT: 0,11` (11 = no connection)',
    },
  ])
})

t.test('other URCs during the wait for a result URC do not end it', async t => {
  const peer = new ScriptedPeer().on(`${CONNECT}\r`, () => {
    later(t, 10, () => peer.send('\r\n+CREG: 1\r\n'))
    later(t, 30, () => peer.send('\r\n+CMQTTCONNECT: 0,0\r\n'))
    return '\r\nOK\r\n'
  })
  const runs = await runSteps(t, `steps:\n  - send: ${CONNECT}\n    urc: "+CMQTTCONNECT: 0,0"\n    within: 1s\n`, peer)
  t.strictSame(runs.map(verdictOf), [{ status: 'passed' }])
})

t.test('result URCs the step expects are its answers in whichever order they come', async t => {
  const peer = new ScriptedPeer().on('AT+CFTPSLIST="/"\r', () => {
    later(t, 10, () => peer.send('\r\n+CFTPSLIST: DATA,5\r\na.txt\r\n'))
    later(t, 30, () => peer.send('\r\n+CFTPSLIST: 0\r\n'))
    return '\r\nOK\r\n'
  })
  const runs = await runSteps(
    t,
    String.raw`steps:
  - send: AT+CFTPSLIST="/"
    urc: ["+CFTPSLIST: 0", '/^\+CFTPSLIST: DATA,\d+$/']
`,
    peer,
  )
  t.strictSame(runs.map(verdictOf), [{ status: 'passed' }])
})

t.test('an abort line during a URC wait fails the step as aborted, naming the line', async t => {
  const peer = new ScriptedPeer()
  later(t, 10, () => peer.send('\r\n+CMQTTCONNLOST: 0,1\r\n'))
  const runs = await runSteps(
    t,
    String.raw`abort: '/^\+CMQTTCONNLOST: /'
steps:
  - wait: "+CMQTTRXSTART: 0,5,2"
    timeout: 1s
`,
    peer,
  )
  t.strictSame(runs.map(verdictOf), [
    { status: 'failed', failure: 'aborted', reason: 'expected URC `+CMQTTRXSTART: 0,5,2`, but abort line `+CMQTTCONNLOST: 0,1` arrived' },
  ])
})

t.test('the link dropping during a URC wait errors the step as link-dropped and stops the run', async t => {
  const peer = new ScriptedPeer()
  later(t, 10, () => peer.dropLink('cable pulled'))
  const [run] = await runSteps(t, 'steps:\n  - wait: "+CMQTTRXSTART: 0,5,2"\n    timeout: 1s\n', peer)
  t.strictSame(verdictOf(run), { status: 'errored', failure: 'link-dropped', reason: 'the link dropped while waiting: cable pulled' })
  t.equal(run?.interruption, 'link-dropped')
})

t.test('Ctrl-C during a URC wait errors the step as interrupted', async t => {
  const controller = new AbortController()
  later(t, 10, () => controller.abort())
  const [run] = await runSteps(t, 'steps:\n  - wait: "+CMQTTRXSTART: 0,5,2"\n    timeout: 5s\n', new ScriptedPeer(), {
    signal: controller.signal,
  })
  t.strictSame(verdictOf(run), { status: 'errored', failure: 'interrupted', reason: 'interrupted by the user' })
  t.equal(run?.interruption, 'interrupted')
})

t.test('a modem that floods a URC wait with lines fails the step as too-much-data', async t => {
  const peer = new ScriptedPeer()
  later(t, 10, () => peer.send('\r\n+CMQTTNONET\r\n'.repeat(8)))
  const runs = await runSteps(t, 'steps:\n  - no: "3"\n    wait: "+CMQTTRXSTART: 0,5,2"\n    timeout: 1s\n', peer, { maxStepLines: 5 })
  t.strictSame(runs.map(verdictOf), [{ status: 'failed', failure: 'too-much-data', reason: 'the modem sent more than 5 lines in step 3' }])
})

/** A broker the test feeds: the run's observer of what reached it, behind the link the executor uses. */
function brokerFed(): { link: BrokerLink; feed: ObserverFeed } {
  const feed = createBrokerObserver()
  const ended = (error: unknown): BrokerWait =>
    error instanceof BrokerWaitError ? { outcome: error.code, reason: error.message } : { outcome: 'failed', reason: String(error) }
  const link: BrokerLink = {
    waitFor: (match, options) => feed.observer.waitFor(match, options).then(message => ({ outcome: 'received' as const, message }), ended),
    publish: async () => undefined,
  }
  return { link, feed }
}

/** A message as the broker observed it: QoS 0, not retained, not a will, received now, unless `fields` say otherwise. */
function message(fields: Partial<Omit<ObservedMessage, 'payload'>> & { topic: string; payload: string }): ObservedMessage {
  return { qos: 0, retain: false, isWill: false, atMs: Date.now(), ...fields, payload: Buffer.from(fields.payload) }
}

t.test('a broker check holds for a message with every property it names, and for no message that differs in one', async t => {
  const { link, feed } = brokerFed()
  feed.record(message({ topic: 'hello', payload: 'hi', qos: 0, retain: false }))
  feed.record(message({ topic: 'news', payload: 'flash', qos: 1, retain: true }))
  const runs = await runSteps(
    t,
    `steps:
  - broker: { received: { topic: hello, payload: hi } }
  - broker: { received: { topic: hello, payload: hi, retain: false } }
  - broker: { received: { topic: news, payload: flash, qos: 1, retain: true } }
  - broker: { received: { topic: news } }
  - broker: { received: { topic: other, payload: hi } }
    timeout: 100ms
    continue_on_failure: true
  - broker: { received: { topic: hello, payload: hi, qos: 1 } }
    timeout: 100ms
    continue_on_failure: true
  - broker: { received: { topic: hello, payload: hi, retain: true } }
    timeout: 100ms
    continue_on_failure: true
  - broker: { received: { topic: hello, payload: hi }, will: true }
    timeout: 100ms
    continue_on_failure: true
  - broker: { received: { topic: gone } }
    timeout: 100ms
    continue_on_failure: true
`,
    new ScriptedPeer(),
    { broker: link },
  )
  const seen = 'no matching message reached the broker within 100 ms (2 other message(s) reached it, on hello, news)'
  t.strictSame(runs.map(verdictOf), [
    { status: 'passed' },
    { status: 'passed' },
    { status: 'passed' },
    { status: 'passed' },
    {
      status: 'failed',
      failure: 'broker-mismatch',
      reason: `expected the broker to receive a message on \`other\` with payload \`hi\`: ${seen}`,
    },
    {
      status: 'failed',
      failure: 'broker-mismatch',
      reason: `expected the broker to receive a message on \`hello\` with payload \`hi\`: ${seen}`,
    },
    {
      status: 'failed',
      failure: 'broker-mismatch',
      reason: `expected the broker to receive a message on \`hello\` with payload \`hi\`: ${seen}`,
    },
    {
      status: 'failed',
      failure: 'broker-mismatch',
      reason: `expected the broker to receive a will on \`hello\` with payload \`hi\`: ${seen}`,
    },
    { status: 'failed', failure: 'broker-mismatch', reason: `expected the broker to receive a message on \`gone\`: ${seen}` },
  ])
})

t.test("a send step's broker check counts only what the broker received since the step started, within its window", async t => {
  const { link, feed } = brokerFed()
  feed.record(message({ topic: 'hello', payload: 'hi', atMs: Date.now() - 1000 }))
  const peer = new ScriptedPeer().on('AT+CMQTTPUB=0,1,60\r', '\r\nOK\r\n')
  const runs = await runSteps(
    t,
    'steps:\n  - send: AT+CMQTTPUB=0,1,60\n    broker: { received: { topic: hello, payload: hi } }\n    timeout: 300ms\n',
    peer,
    { broker: link, atMs: 200 },
  )
  t.strictSame(runs.map(verdictOf), [
    {
      status: 'failed',
      failure: 'broker-mismatch',
      reason:
        'expected the broker to receive a message on `hello` with payload `hi`: no matching message reached the broker within 300 ms (no message reached the broker)',
    },
  ])
})

t.test('a broker check waits out its window for the message to come', async t => {
  const { link, feed } = brokerFed()
  later(t, 30, () => feed.record(message({ topic: 'hello', payload: 'hi' })))
  const runs = await runSteps(t, 'steps:\n  - broker: { received: { topic: hello, payload: hi } }\n', new ScriptedPeer(), { broker: link })
  t.strictSame(runs.map(verdictOf), [{ status: 'passed' }])
})

t.test('a broker check in a run with no broker errors the step with a hint', async t => {
  const runs = await runSteps(t, 'steps:\n  - broker: { received: { topic: hello } }\n', new ScriptedPeer())
  t.strictSame(runs.map(verdictOf), [
    { status: 'errored', failure: 'broker-missing', reason: 'this step checks the broker, but the run has none: give --broker <url>' },
  ])
})

t.test('Ctrl-C while a broker check waits errors the step as interrupted', async t => {
  const controller = new AbortController()
  later(t, 10, () => controller.abort())
  const [run] = await runSteps(t, 'steps:\n  - broker: { received: { topic: hello } }\n    timeout: 5s\n', new ScriptedPeer(), {
    broker: brokerFed().link,
    signal: controller.signal,
  })
  t.strictSame(verdictOf(run), { status: 'errored', failure: 'interrupted', reason: 'interrupted by the user' })
  t.equal(run?.interruption, 'interrupted')
})
