/**
 * The steps that send nothing, run as the runner runs them over a scripted modem: a todo row errors with what to do,
 * a sleep passes or ends at once on Ctrl-C, and a wait step lists, awaits and then lets go of what it waits for.
 */
import t, { type Test } from 'tap'
import { runStep, type StepRun } from '../../src/run/run-step.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { openStepContext, type StepContextOptions } from '../helpers/step-context.js'

/** Runs the one step of `yaml` on `peer`; returns its run and the context it ran in. */
async function runOneStep(t: Test, yaml: string, peer = new ScriptedPeer(), options: StepContextOptions = {}): Promise<{ run: StepRun }> {
  const loaded = loadSequenceText('quiet.yaml', Buffer.from(`sequence: quiet\ndevice: simcom-a76xx\ntimeout: 300ms\nsteps:\n${yaml}`))
  const step = loaded.sequence?.steps[0]
  if (loaded.sequence === undefined || step === undefined) throw new Error(JSON.stringify(loaded.diagnostics))
  const ctx = await openStepContext(t, loaded.sequence, peer, options)
  return { run: await runStep('steps', step, ctx) }
}

/** What a user reads of a step's result. */
function shownOf(run: StepRun): Record<string, unknown> {
  const { status, reason, failure, expected, received, unexpectedUrcs } = run.result
  return { status, reason, failure: failure?.kind, expected, received, unexpectedUrcs, interruption: run.interruption }
}

t.test('a todo row errors, says which row to write as a step, and shows nothing expected or received', async t => {
  const { run } = await runOneStep(t, '  - no: "7"\n    todo: "7 | PDP Context | |"\n')
  t.same(shownOf(run), {
    status: 'errored',
    reason: 'row 7 could not be read from the spec table and was kept as a todo: write it as a step',
    failure: 'todo',
    expected: [],
    received: [],
    unexpectedUrcs: [],
    interruption: undefined,
  })
})

t.test('a sleep passes and expects nothing', async t => {
  const { run } = await runOneStep(t, '  - sleep: 10ms\n')
  t.same(shownOf(run), {
    status: 'passed',
    reason: undefined,
    failure: undefined,
    expected: [],
    received: [],
    unexpectedUrcs: [],
    interruption: undefined,
  })
})

t.test('Ctrl-C during a sleep ends it at once as interrupted, and the run stops', async t => {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), 20)
  t.teardown(() => clearTimeout(timer))
  const { run } = await runOneStep(t, '  - sleep: 1s\n', undefined, { signal: controller.signal })
  t.same(shownOf(run), {
    status: 'errored',
    reason: 'interrupted by the user',
    failure: 'interrupted',
    expected: [],
    received: [],
    unexpectedUrcs: [],
    interruption: 'interrupted',
  })
})

t.test('a wait step lists its URC as what it expects, with no final result code', async t => {
  const peer = new ScriptedPeer()
  const { run } = await runOneStep(t, '  - wait: "+CMQTTCONNECT: 0,0"\n    timeout: 20ms\n', peer)
  t.same(run.result.expected, ['urc: +CMQTTCONNECT: 0,0'])
})

t.test('a wait step fails when a line it expects besides its URC does not come', async t => {
  const peer = new ScriptedPeer()
  const timer = setTimeout(() => peer.send('\r\n+CMQTTRXSTART: 0,5,2\r\n'), 5)
  t.teardown(() => clearTimeout(timer))
  const { run } = await runOneStep(t, '  - wait: "+CMQTTRXSTART: 0,5,2"\n    expect: hello\n    timeout: 100ms\n', peer)
  t.same(
    [run.result.status, run.result.failure?.kind, run.result.reason],
    ['failed', 'missing-line', 'expected line `hello`, within 100 ms got `+CMQTTRXSTART: 0,5,2`'],
  )
})

t.test('a wait step stops listening to the modem when it ends', async t => {
  const peer = new ScriptedPeer()
  const loaded = loadSequenceText('quiet.yaml', Buffer.from('sequence: quiet\nsteps:\n  - wait: "+X: 1"\n    timeout: 20ms\n'))
  const step = loaded.sequence?.steps[0]
  if (loaded.sequence === undefined || step === undefined) throw new Error(JSON.stringify(loaded.diagnostics))
  const ctx = await openStepContext(t, loaded.sequence, peer)
  // Count the line listeners the step adds to the chat and those it removes.
  let listening = 0
  const onLine = ctx.chat.onLine.bind(ctx.chat)
  ctx.chat.onLine = listener => {
    listening += 1
    const stop = onLine(listener)
    return () => {
      listening -= 1
      stop()
    }
  }
  const run = await runStep('steps', step, ctx)
  t.equal(run.result.status, 'failed')
  t.equal(listening, 0)
})
