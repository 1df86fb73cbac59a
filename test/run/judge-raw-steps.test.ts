/** Raw byte expectations in-process over a scripted modem: which data steps are online data, how long raw bytes are awaited, what failures say. */
import t, { type Test } from 'tap'
import { runStep, type StepRun } from '../../src/run/run-step.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { openStepContext, type StepContextOptions } from '../helpers/step-context.js'

/** Runs the sequence's `steps` one by one on `peer`, the chat on the recorder's clock as a real run has it. */
async function runSteps(t: Test, steps: string, peer: ScriptedPeer, options: StepContextOptions = {}): Promise<StepRun[]> {
  const loaded = loadSequenceText('raw.yaml', Buffer.from(`sequence: raw\ndevice: simcom-a76xx\ntimeout: 500ms\nsteps:\n${steps}`))
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  const ctx = await openStepContext(t, loaded.sequence, peer, options)
  const runs: StepRun[] = []
  for (const step of loaded.sequence.steps) runs.push(await runStep('steps', step, ctx))
  return runs
}

/** The one step of a run. */
async function runOneStep(t: Test, step: string, peer: ScriptedPeer, options: StepContextOptions = {}): Promise<StepRun> {
  const [run] = await runSteps(t, step, peer, options)
  if (run === undefined) throw new Error('the step did not run')
  return run
}

const written = (peer: ScriptedPeer): string => peer.written.toString('latin1')

t.test('a send step is never online data: it expects OK and shows it', async t => {
  const peer = new ScriptedPeer().on('AT+CSQ\r', '\r\n+CSQ: 20,99\r\n\r\nOK\r\n')
  const { result } = await runOneStep(t, '  - send: AT+CSQ\n', peer)
  t.equal(result.status, 'passed', result.reason ?? '')
  t.same(result.expected, ['OK'])
})

t.test('raw bytes and no final result code make a data step online data: bytes written as they are, nothing awaited', async t => {
  const peer = new ScriptedPeer().on('abc', 'abc')
  const { result } = await runOneStep(t, '  - data: "abc"\n    expect: { raw: "abc" }\n', peer)
  t.equal(result.status, 'passed', result.reason ?? '')
  t.same(result.expected, ['raw: "abc"'])
  t.equal(written(peer), 'abc')
})

t.test('a data step ended by Ctrl-Z is prompt data even with a raw expectation: Ctrl-Z is written and OK awaited', async t => {
  const peer = new ScriptedPeer().on('abc\x1a', 'abc\r\nOK\r\n')
  const { result } = await runOneStep(t, '  - data: "abc"\n    end: ctrl-z\n    expect: { raw: "abc" }\n    timeout: 200ms\n', peer)
  t.equal(result.status, 'passed', result.reason ?? '')
  t.same(result.expected, ['OK', 'raw: "abc"'])
  t.equal(written(peer), 'abc\x1a')
})

t.test('a data step with no raw expectation waits for its final result code, so ERROR fails it', async t => {
  const peer = new ScriptedPeer().on('hello', '\r\nERROR\r\n')
  const { result } = await runOneStep(t, '  - data: "hello"\n', peer)
  t.equal(result.status, 'failed')
  t.equal(result.failure?.kind, 'final-mismatch')
  t.same(result.expected, ['OK'])
})

t.test('a data step with raw bytes and a final result code waits for that code, so ERROR fails it', async t => {
  const peer = new ScriptedPeer().on('abc', 'abc\r\nERROR\r\n')
  const { result } = await runOneStep(t, '  - data: "abc"\n    expect: [{ raw: "abc" }, OK]\n', peer)
  t.equal(result.status, 'failed')
  t.equal(result.failure?.kind, 'final-mismatch')
  t.same(result.expected, ['OK', 'raw: "abc"'])
})

t.test('raw bytes that come a while after the write still pass the step before its deadline', async t => {
  const peer = new ScriptedPeer()
  peer.on('abc', () => {
    setTimeout(() => peer.send('abc'), 40)
    return ''
  })
  const { result } = await runOneStep(t, '  - data: "abc"\n    expect: { raw: "abc" }\n    timeout: 1s\n', peer)
  t.equal(result.status, 'passed', result.reason ?? '')
})

t.test('raw bytes that never come fail the step with the bytes wanted and every byte that came, masked', async t => {
  const peer = new ScriptedPeer().on('abc', 'pin 4711\r\n')
  const { result } = await runOneStep(t, '  - data: "abc"\n    expect: { raw: "4711 ok" }\n    timeout: 100ms\n', peer, {
    secrets: ['4711'],
  })
  t.equal(result.status, 'failed')
  t.equal(result.failure?.kind, 'missing-bytes')
  t.equal(result.reason, 'expected bytes "•••••• ok", got "pin ••••••\\r\\n"')
})

t.test('Ctrl-C while raw bytes are awaited errors the step as interrupted and stops the run', async t => {
  const controller = new AbortController()
  const peer = new ScriptedPeer()
  peer.on('abc', () => {
    setTimeout(() => controller.abort(), 30)
    return ''
  })
  const run = await runOneStep(t, '  - data: "abc"\n    expect: { raw: "xyz" }\n    timeout: 5s\n', peer, { signal: controller.signal })
  t.equal(run.result.status, 'errored')
  t.equal(run.result.failure?.kind, 'interrupted')
  t.equal(run.result.reason, 'interrupted by the user')
  t.equal(run.interruption, 'interrupted')
})

t.test('a step with no raw expectation leaves an unfinished line to be framed whole by the next step', async t => {
  const peer = new ScriptedPeer({ maxChunkBytes: 64 })
  peer.on('AT+CREG=1\r', () => {
    setTimeout(() => peer.send('G: 1\r\n'), 30)
    // The URC's first bytes arrive with the final result code, its end only after the step has been judged.
    return '\r\nOK\r\n\r\n+CRE'
  })
  const [first, second] = await runSteps(t, '  - send: AT+CREG=1\n  - wait: "+CREG: 1"\n    within: 300ms\n', peer)
  t.equal(first?.result.status, 'passed', first?.result.reason ?? '')
  t.equal(second?.result.status, 'passed', second?.result.reason ?? '')
  t.same(
    second?.result.received.map(line => `${line.kind}:${line.text}`),
    ['urc:+CREG: 1'],
  )
})

t.test('after a raw expectation, the head of a URC that came after the raw bytes is framed whole by the next step', async t => {
  const peer = new ScriptedPeer({ maxChunkBytes: 64 })
  peer.on('abc\x1a', () => {
    setTimeout(() => peer.send('G: 1\r\n'), 30)
    return 'abc\r\nOK\r\n\r\n+CRE'
  })
  const steps = '  - data: "abc"\n    end: ctrl-z\n    expect: { raw: "abc" }\n  - wait: "+CREG: 1"\n    within: 300ms\n'
  const [first, second] = await runSteps(t, steps, peer)
  t.equal(first?.result.status, 'passed', first?.result.reason ?? '')
  t.equal(second?.result.status, 'passed', second?.result.reason ?? '')
  t.same(
    second?.result.received.map(line => `${line.kind}:${line.text}`),
    ['urc:+CREG: 1'],
  )
})

t.test('in online data mode the raw bytes left unframed are dropped, so they never become a later line', async t => {
  const peer = new ScriptedPeer({ maxChunkBytes: 64 })
  peer.on('abc', 'abc')
  peer.on('AT\r', '\r\nOK\r\n')
  const [first, second] = await runSteps(t, '  - data: "abc"\n    expect: { raw: "abc" }\n  - send: AT\n', peer)
  t.equal(first?.result.status, 'passed', first?.result.reason ?? '')
  t.equal(second?.result.status, 'passed', second?.result.reason ?? '')
  t.same(
    second?.result.received.map(line => `${line.kind}:${line.text}`),
    ['final:OK'],
    'no line "abc" in the next step',
  )
})

t.test('raw bytes that end a line leave the next unfinished line alone, even when it starts right after them', async t => {
  const peer = new ScriptedPeer({ maxChunkBytes: 64 })
  peer.on('abc', () => {
    setTimeout(() => peer.send('G: 1\r\n'), 30)
    return 'abc\r\n+CRE'
  })
  const steps = '  - data: "abc"\n    expect: { raw: "abc\\r\\n" }\n  - wait: "+CREG: 1"\n    within: 300ms\n'
  const [first, second] = await runSteps(t, steps, peer)
  t.equal(first?.result.status, 'passed', first?.result.reason ?? '')
  t.equal(second?.result.status, 'passed', second?.result.reason ?? '')
})

t.test('a long download without the raw bytes is quoted by its length and its last 200 characters, masked before the cut', async t => {
  const body = `${'x'.repeat(5000)}secret-4711${'y'.repeat(195)}`
  const peer = new ScriptedPeer().on('abc', body)
  const { result } = await runOneStep(t, '  - data: "abc"\n    expect: { raw: "never" }\n    timeout: 100ms\n', peer, {
    secrets: ['secret-4711'],
  })
  t.equal(result.failure?.kind, 'missing-bytes')
  const masked = `${'x'.repeat(5000)}••••••${'y'.repeat(195)}`
  t.equal(result.reason, `expected bytes "never", got 5206 bytes ending ${JSON.stringify(masked.slice(-200))}`)
  t.notMatch(result.reason ?? '', /4711|et-47/, 'no part of the secret')
})

t.test('what came is quoted whole up to 200 characters', async t => {
  const peer = new ScriptedPeer().on('abc', 'z'.repeat(200))
  const { result } = await runOneStep(t, '  - data: "abc"\n    expect: { raw: "never" }\n    timeout: 100ms\n', peer)
  t.equal(result.reason, `expected bytes "never", got "${'z'.repeat(200)}"`)
})

t.test('with several raw expectations, an unfinished line that holds the last of them is dropped', async t => {
  const peer = new ScriptedPeer({ maxChunkBytes: 64 })
  // "abc" ends a line; "xyz" is left unfinished, and it is raw bytes of this step, not the head of a later line.
  peer.on('go', 'abc\r\nxyz')
  peer.on('AT\r', '\r\nOK\r\n')
  const steps = '  - data: "go"\n    expect: [{ raw: "abc" }, { raw: "xyz" }]\n  - send: AT\n'
  const [first, second] = await runSteps(t, steps, peer)
  t.equal(first?.result.status, 'passed', first?.result.reason ?? '')
  t.same(
    second?.result.received.map(line => `${line.kind}:${line.text}`),
    ['final:OK'],
    'no line "xyz" in the next step',
  )
})

t.test('raw bytes are awaited until the step deadline on the run clock, however long the run has been going', async t => {
  // The run has been going for an hour when the step starts: its 150 ms deadline is an hour and 150 ms in.
  let offsetMs = 0
  const controller = new AbortController()
  const peer = new ScriptedPeer().on('abc', '')
  const loaded = loadSequenceText(
    'raw.yaml',
    Buffer.from('sequence: raw\ndevice: simcom-a76xx\nsteps:\n  - data: "abc"\n    expect: { raw: "xyz" }\n    timeout: 150ms\n'),
  )
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  const ctx = await openStepContext(t, loaded.sequence, peer, { now: () => Date.now() + offsetMs, signal: controller.signal })
  offsetMs = 3_600_000
  const started = Date.now()
  // A wait that ran past its deadline is stopped after 3 s, so the test ends either way.
  const stop = setTimeout(() => controller.abort(), 3000)
  const run = await runStep('steps', loaded.sequence.steps[0]!, ctx)
  clearTimeout(stop)
  t.equal(run.result.failure?.kind, 'missing-bytes', run.result.reason ?? '')
  t.ok(Date.now() - started < 2000, `failed at its deadline, after ${Date.now() - started} ms`)
})
