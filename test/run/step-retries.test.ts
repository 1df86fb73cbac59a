/** A step's retries in-process over a scripted modem: how many attempts are made, what each attempt leaves in the record, and Ctrl-C between attempts. */
import t, { type Test } from 'tap'
import type { RunContext } from '../../src/run/run-context.js'
import { runStep, type StepRun } from '../../src/run/run-step.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { openStepContext, type StepContextOptions } from '../helpers/step-context.js'

/** Loads `steps` and opens a run context for them on `peer`. */
async function openSteps(t: Test, steps: string, peer: ScriptedPeer, options: StepContextOptions = {}) {
  const loaded = loadSequenceText('retry.yaml', Buffer.from(`sequence: retry\ndevice: simcom-a76xx\ntimeout: 500ms\nsteps:\n${steps}`))
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  const ctx = await openStepContext(t, loaded.sequence, peer, options)
  return { steps: loaded.sequence.steps, ctx }
}

/** Runs every step in order. */
async function runAll(steps: Awaited<ReturnType<typeof openSteps>>['steps'], ctx: RunContext): Promise<StepRun[]> {
  const runs: StepRun[] = []
  for (const step of steps) runs.push(await runStep('steps', step, ctx))
  return runs
}

/** The notes atseq wrote into the transcript. */
const notesOf = (ctx: RunContext): string[] =>
  ctx.recorder
    .finish('passed', 0)
    .transcript.filter(entry => entry.dir === 'note')
    .map(entry => entry.data)

const ERROR_REASON = 'expected `OK`, got `ERROR`'

t.test('a step that fails and then passes is tried again: both attempts are logged and one note says why it retried', async t => {
  const peer = new ScriptedPeer().on('AT\r', '\r\nERROR\r\n', { once: true }).on('AT\r', '\r\nOK\r\n')
  const { steps, ctx } = await openSteps(t, '  - send: AT\n    retry: { times: 2, every: 10ms }\n', peer)
  const starts: Array<{ n: number; of: number }> = []
  ctx.events = { onAttemptStart: (_phase, _step, attempt) => starts.push(attempt) }
  const [run] = await runAll(steps, ctx)
  const result = run!.result
  t.equal(result.status, 'passed', result.reason ?? '')
  t.equal(result.attempts, 2)
  t.same(starts, [
    { n: 1, of: 3 },
    { n: 2, of: 3 },
  ])
  t.same(
    result.attemptLog?.map(attempt => ({ n: attempt.n, status: attempt.status, reason: attempt.reason, failure: attempt.failure })),
    [
      { n: 1, status: 'failed', reason: ERROR_REASON, failure: { kind: 'final-mismatch' } },
      { n: 2, status: 'passed', reason: undefined, failure: undefined },
    ],
  )
  t.same(
    Object.keys(result.attemptLog![1]!).sort(),
    ['durationMs', 'n', 'received', 'startedAtMs', 'status'],
    'a passed attempt has no reason or failure at all',
  )
  t.same(notesOf(ctx), [`step 1: attempt 1 failed (${ERROR_REASON}); retrying`])
})

t.test('a step that keeps failing is tried exactly 1 + times and keeps the last failure', async t => {
  const peer = new ScriptedPeer().on('AT\r', '\r\nERROR\r\n')
  const { steps, ctx } = await openSteps(t, '  - send: AT\n    retry: { times: 2, every: 1ms }\n', peer)
  const [run] = await runAll(steps, ctx)
  t.equal(run!.result.status, 'failed')
  t.equal(run!.result.reason, ERROR_REASON)
  t.equal(run!.result.attempts, 3)
  t.same(
    run!.result.attemptLog?.map(attempt => attempt.status),
    ['failed', 'failed', 'failed'],
  )
})

t.test('a step that passes at once is not tried again and has no attempt log', async t => {
  const peer = new ScriptedPeer().on('AT\r', '\r\nOK\r\n')
  const { steps, ctx } = await openSteps(t, '  - send: AT\n    retry: { times: 2, every: 1ms }\n  - send: AT\n', peer)
  const runs = await runAll(steps, ctx)
  for (const run of runs) {
    t.equal(run.result.status, 'passed')
    t.equal(run.result.attempts, 1)
    t.notOk('attemptLog' in run.result, 'one attempt is not logged apart')
  }
})

t.test('Ctrl-C while a retry waits ends the step at once with the attempt it had', async t => {
  const controller = new AbortController()
  const peer = new ScriptedPeer()
    .on(
      'AT\r',
      () => {
        setTimeout(() => controller.abort(), 30)
        return '\r\nERROR\r\n'
      },
      { once: true },
    )
    .on('AT\r', '\r\nOK\r\n')
  const { steps, ctx } = await openSteps(t, '  - send: AT\n    retry: { times: 1, every: 2s }\n', peer, { signal: controller.signal })
  const startedAtMs = performance.now()
  const [run] = await runAll(steps, ctx)
  const tookMs = performance.now() - startedAtMs
  t.equal(run!.result.status, 'failed')
  t.equal(run!.result.reason, ERROR_REASON)
  t.equal(run!.result.attempts, 1)
  t.equal(peer.written.toString('latin1'), 'AT\r', 'the command is written once')
  t.ok(tookMs < 1000, `the retry wait ended with Ctrl-C (${Math.round(tookMs)} ms), not after 2 s`)
})
