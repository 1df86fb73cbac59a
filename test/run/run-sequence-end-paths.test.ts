/**
 * How runSequence ends a run, over a scripted modem: what stops the remaining steps (and with which reason), when
 * teardown still runs, and the verdict (status, exit code, end reason) each way out gives.
 */
import t, { type Test } from 'tap'
import { EXIT } from '../../src/model/exit-code.js'
import type { BrokerLink } from '../../src/model/broker-link.js'
import type { StepResult } from '../../src/model/run-record.js'
import type { RunEvents } from '../../src/run/run-context.js'
import { InfrastructureError } from '../../src/run/attempt.js'
import { runSequence, type RunVerdict } from '../../src/run/run-sequence.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { openStepContext } from '../helpers/step-context.js'

interface EndedRun {
  verdict: RunVerdict
  /** Each recorded step as `phase no status: reason`. */
  steps: string[]
  results: StepResult[]
}

interface RunOptions {
  peer?: ScriptedPeer
  broker?: BrokerLink
  vars?: Record<string, string>
  /** Called as each step starts, before the step runs; it may throw to stand for a bug around the step. */
  onStepStart?: RunEvents['onStepStart']
  signal?: AbortSignal
  teardownSignal?: AbortSignal
}

/** A modem that answers AT with OK and AT+FAIL with ERROR. */
function okModem(): ScriptedPeer {
  return new ScriptedPeer().on('AT+FAIL\r', '\r\nERROR\r\n').on(/^AT\r/, '\r\nOK\r\n')
}

async function runYaml(t: Test, yaml: string, options: RunOptions = {}): Promise<EndedRun> {
  const loaded = loadSequenceText('s.yaml', Buffer.from(`sequence: s\ntimeout: 500ms\n${yaml}`))
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  const ctx = await openStepContext(t, loaded.sequence, options.peer ?? okModem(), {
    ...(options.broker === undefined ? {} : { broker: options.broker }),
    ...(options.vars === undefined ? {} : { vars: options.vars }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  })
  const steps: string[] = []
  const results: StepResult[] = []
  const onStepEnd = (result: StepResult): void => {
    results.push(result)
    steps.push(`${result.phase} ${result.no} ${result.status}: ${result.reason ?? ''}`)
  }
  ctx.events = { onStepEnd, ...(options.onStepStart === undefined ? {} : { onStepStart: options.onStepStart }) }
  const verdict = await runSequence(ctx, options.teardownSignal ?? new AbortController().signal)
  return { verdict, steps, results }
}

/** A broker link whose publish throws `error`. */
function brokerThatThrows(error: Error): BrokerLink {
  return {
    waitFor: async () => ({ outcome: 'failed', reason: 'not used' }),
    publish: async () => {
      throw error
    },
  }
}

const STEPS_1_2_3 = `steps:
  - no: "1"
    send: AT
  - no: "2"
    send: AT
  - no: "3"
    send: AT
`

t.test('a bug thrown around a step skips the rest as a crash at that step, teardown still runs, and the run exits 70', async t => {
  const boom = new Error('boom')
  const run = await runYaml(t, `${STEPS_1_2_3}teardown:\n  - no: t1\n    send: AT\n`, {
    onStepStart: (_phase, step) => {
      if (step.no === '2') throw boom
    },
  })
  t.same(run.steps, ['steps 1 passed: ', 'steps 3 skipped: atseq crashed at step 2', 'teardown t1 passed: '])
  t.same(run.verdict, { status: 'errored', exitCode: EXIT.internal, endReason: 'crashed: boom', crash: boom })
  t.equal(run.verdict.crash, boom, 'the error thrown is the one kept for --debug')
})

t.test('a bug inside a step errors it, skips the rest as a crash at that step, and teardown still runs', async t => {
  const boom = new Error('boom')
  const run = await runYaml(
    t,
    `steps:\n  - no: "1"\n    publish: { topic: t, payload: p }\n  - no: "2"\n    send: AT\nteardown:\n  - no: t1\n    send: AT\n`,
    {
      broker: brokerThatThrows(boom),
    },
  )
  t.same(run.steps, ['steps 1 errored: atseq crashed: boom', 'steps 2 skipped: atseq crashed at step 1', 'teardown t1 passed: '])
  t.same(run.verdict, { status: 'errored', exitCode: EXIT.internal, endReason: 'crashed: boom', crash: boom })
})

t.test('a bug inside a teardown step leaves the rest of teardown to run, and the run exits 70', async t => {
  const boom = new Error('boom')
  const run = await runYaml(
    t,
    `steps:\n  - no: "1"\n    send: AT\nteardown:\n  - no: t1\n    publish: { topic: t, payload: p }\n  - no: t2\n    send: AT\n`,
    { broker: brokerThatThrows(boom) },
  )
  t.same(run.steps, ['steps 1 passed: ', 'teardown t1 errored: atseq crashed: boom', 'teardown t2 passed: '])
  t.same(run.verdict, { status: 'errored', exitCode: EXIT.internal, endReason: 'crashed: boom', crash: boom })
})

t.test('a step that breaks its command line skips the rest and the run exits 2 for invalid input', async t => {
  const run = await runYaml(t, `steps:\n  - no: "1"\n    send: "AT+X={{v}}"\n  - no: "2"\n    send: AT\n`, {
    vars: { v: '1\rAT' },
  })
  t.same(
    run.results.map(result => [result.no, result.status, result.failure?.kind]),
    [
      ['1', 'errored', 'invalid-step'],
      ['2', 'skipped', undefined],
    ],
  )
  t.equal(run.steps[1], 'steps 2 skipped: step 1 errored')
  t.same(run.verdict, { status: 'errored', exitCode: EXIT.invalidInput, endReason: 'step 1 errored' })
})

t.test('a broker gone at a publish step skips the rest and the run exits 3, teardown still running', async t => {
  const run = await runYaml(
    t,
    `steps:\n  - no: "1"\n    publish: { topic: t, payload: p }\n  - no: "2"\n    send: AT\nteardown:\n  - no: t1\n    send: AT\n`,
    {
      broker: brokerThatThrows(new InfrastructureError('the broker is gone')),
    },
  )
  t.same(run.steps, ['steps 1 errored: the broker is gone', 'steps 2 skipped: step 1 errored', 'teardown t1 passed: '])
  t.same(run.verdict, { status: 'errored', exitCode: EXIT.infrastructure, endReason: 'step 1 errored' })
})

t.test('Ctrl-C during a step skips the rest as interrupted, teardown still runs, and the run exits 130', async t => {
  const ctrlC = new AbortController()
  const run = await runYaml(
    t,
    `${STEPS_1_2_3.replace('    send: AT\n  - no: "3"', '    sleep: 5s\n  - no: "3"')}teardown:\n  - no: t1\n    send: AT\n`,
    {
      signal: ctrlC.signal,
      onStepStart: (_phase, step) => {
        if (step.no === '2') ctrlC.abort()
      },
    },
  )
  t.same(run.steps, [
    'steps 1 passed: ',
    'steps 2 errored: interrupted by the user',
    'steps 3 skipped: the run was interrupted',
    'teardown t1 passed: ',
  ])
  t.same(run.verdict, { status: 'interrupted', exitCode: EXIT.interrupted, endReason: 'interrupted by the user (Ctrl-C)' })
})

t.test('a second Ctrl-C during teardown skips the rest of teardown and the run exits 130', async t => {
  const secondCtrlC = new AbortController()
  const run = await runYaml(t, `steps:\n  - no: "1"\n    send: AT\nteardown:\n  - no: t1\n    sleep: 5s\n  - no: t2\n    send: AT\n`, {
    teardownSignal: secondCtrlC.signal,
    onStepStart: (_phase, step) => {
      if (step.no === 't1') secondCtrlC.abort()
    },
  })
  t.same(run.steps, ['steps 1 passed: ', 'teardown t1 errored: interrupted by the user', 'teardown t2 skipped: the run was interrupted'])
  t.same(run.verdict, { status: 'interrupted', exitCode: EXIT.interrupted, endReason: 'interrupted by the user (Ctrl-C)' })
})

/** A modem that answers AT with OK and pulls its cable when it receives AT+DROP. */
function modemThatDrops(): ScriptedPeer {
  const peer = okModem()
  peer.on('AT+DROP\r', () => {
    setImmediate(() => peer.dropLink('cable pulled'))
    return ''
  })
  return peer
}

t.test('a link dropped during a step skips the rest and teardown, naming the step, and the run exits 3', async t => {
  const run = await runYaml(t, `steps:\n  - no: "1"\n    send: AT+DROP\n  - no: "2"\n    send: AT\nteardown:\n  - no: t1\n    send: AT\n`, {
    peer: modemThatDrops(),
  })
  t.same(
    run.results.map(result => [result.no, result.status, result.failure?.kind]),
    [
      ['1', 'errored', 'link-dropped'],
      ['2', 'skipped', undefined],
      ['t1', 'skipped', undefined],
    ],
  )
  t.same(run.steps.slice(1), [
    'steps 2 skipped: the link dropped at step 1',
    'teardown t1 skipped: the link dropped: nothing to tear down over',
  ])
  t.same(run.verdict, { status: 'errored', exitCode: EXIT.infrastructure, endReason: 'the link dropped at step 1' })
})

t.test('a link dropped during teardown skips the rest of it and the run exits 3 with no end reason', async t => {
  const run = await runYaml(t, `steps:\n  - no: "1"\n    send: AT\nteardown:\n  - no: t1\n    send: AT+DROP\n  - no: t2\n    send: AT\n`, {
    peer: modemThatDrops(),
  })
  t.same(
    run.results.map(result => [result.no, result.status, result.failure?.kind]),
    [
      ['1', 'passed', undefined],
      ['t1', 'errored', 'link-dropped'],
      ['t2', 'skipped', undefined],
    ],
  )
  t.equal(run.steps[2], 'teardown t2 skipped: the link dropped at step t1')
  t.same(run.verdict, { status: 'errored', exitCode: EXIT.infrastructure })
})

t.test('a failed step skips the rest, naming it, while teardown runs', async t => {
  const run = await runYaml(t, `steps:\n  - no: "1"\n    send: AT+FAIL\n  - no: "2"\n    send: AT\nteardown:\n  - no: t1\n    send: AT\n`)
  t.same(run.steps.slice(1), ['steps 2 skipped: step 1 failed', 'teardown t1 passed: '])
  t.equal(run.results[0]?.status, 'failed')
  t.same(run.verdict, { status: 'failed', exitCode: EXIT.failed, endReason: 'step 1 failed' })
})

t.test('a failed teardown step leaves the rest of teardown to run', async t => {
  const run = await runYaml(t, `steps:\n  - no: "1"\n    send: AT\nteardown:\n  - no: t1\n    send: AT+FAIL\n  - no: t2\n    send: AT\n`)
  t.same(
    run.results.map(result => [result.no, result.status]),
    [
      ['1', 'passed'],
      ['t1', 'failed'],
      ['t2', 'passed'],
    ],
  )
  t.same(run.verdict, { status: 'failed', exitCode: EXIT.failed })
})

t.test('an errored step passed over with continue_on_failure errors the run without an end reason', async t => {
  const run = await runYaml(
    t,
    `steps:\n  - no: "1"\n    publish: { topic: t, payload: p }\n    continue_on_failure: true\n  - no: "2"\n    send: AT\n`,
  )
  t.same(
    run.results.map(result => [result.no, result.status, result.failure?.kind]),
    [
      ['1', 'errored', 'broker-missing'],
      ['2', 'passed', undefined],
    ],
  )
  t.same(run.verdict, { status: 'errored', exitCode: EXIT.failed })
})

t.test('a sequence whose steps are all todo tests nothing, even with a setup that passes: it exits 2', async t => {
  const run = await runYaml(t, `setup:\n  - no: s1\n    send: AT\nsteps:\n  - todo: "1 | a | |"\n  - todo: "2 | b | |"\n`)
  t.same(run.verdict, { status: 'errored', exitCode: EXIT.invalidInput, endReason: '2 todo steps stand: the sequence tests nothing yet' })
})

t.test('one todo among real steps is named in the singular and fails the run', async t => {
  const run = await runYaml(t, `steps:\n  - no: "1"\n    send: AT\n  - todo: "2 | b | |"\n`)
  t.same(run.verdict, { status: 'errored', exitCode: EXIT.failed, endReason: '1 todo step stands: write them as steps' })
})
