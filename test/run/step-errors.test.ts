/**
 * What a step that cannot run leaves: a bad step (exit 2), a broker gone (exit 3) and a bug in atseq (exit 70)
 * each error the step with its own code and reason, no evidence, and the flag the runner exits on.
 */
import t, { type Test } from 'tap'
import { InfrastructureError } from '../../src/run/attempt.js'
import { runStep, type StepRun } from '../../src/run/run-step.js'
import type { BrokerLink } from '../../src/model/broker-link.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { openStepContext, type StepContextOptions } from '../helpers/step-context.js'

async function runOneStep(t: Test, step: string, options: StepContextOptions = {}): Promise<StepRun> {
  const loaded = loadSequenceText('errors.yaml', Buffer.from(`sequence: errors\ndevice: simcom-a76xx\ntimeout: 200ms\nsteps:\n${step}`))
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  const ctx = await openStepContext(t, loaded.sequence, new ScriptedPeer(), options)
  return runStep('steps', loaded.sequence.steps[0]!, ctx)
}

/** A broker whose publish throws `error`. */
const brokerThrowing = (error: unknown): BrokerLink => ({
  publish: async () => {
    throw error
  },
  waitFor: async () => ({ outcome: 'timeout', reason: 'not used' }),
})

const PUBLISH = '  - publish: { topic: news, payload: hi }\n'

/** What the step shows, and the flags the runner reads, in one object. */
const shown = (run: StepRun) => ({
  status: run.result.status,
  failure: run.result.failure,
  reason: run.result.reason,
  expected: run.result.expected,
  received: run.result.received,
  unexpectedUrcs: run.result.unexpectedUrcs,
  flags: Object.keys(run).filter(key => key !== 'result'),
})

t.test('a step whose value breaks out of the command line errors as invalid-step and marks the run invalid input', async t => {
  const run = await runOneStep(t, '  - send: "AT+X={{v}}"\n', { vars: { v: '1\r\nAT+Y' } })
  t.same(shown(run), {
    status: 'errored',
    failure: { kind: 'invalid-step' },
    reason:
      "errors.yaml:5:19: error: the value of 'v' puts a CR into the command line, which would end it and send the rest as another command — remove the control character from the value; send several commands as several steps, and bytes at a prompt as a data: step [control-character-in-value]",
    expected: [],
    received: [],
    unexpectedUrcs: [],
    flags: ['invalidInput'],
  })
  t.equal(run.invalidInput, true)
})

t.test('a broker that is gone errors the step as broker-missing with its message and marks the run infrastructure', async t => {
  const run = await runOneStep(t, PUBLISH, {
    broker: brokerThrowing(new InfrastructureError('the broker could not publish on news: gone')),
  })
  t.same(shown(run), {
    status: 'errored',
    failure: { kind: 'broker-missing' },
    reason: 'the broker could not publish on news: gone',
    expected: [],
    received: [],
    unexpectedUrcs: [],
    flags: ['infrastructure'],
  })
  t.equal(run.infrastructure, true)
})

t.test('any other error is a crash of atseq: the step errors as crashed and the run keeps the error', async t => {
  const bug = new TypeError('cannot read x of undefined')
  const run = await runOneStep(t, PUBLISH, { broker: brokerThrowing(bug) })
  t.same(shown(run), {
    status: 'errored',
    failure: { kind: 'crashed' },
    reason: 'atseq crashed: cannot read x of undefined',
    expected: [],
    received: [],
    unexpectedUrcs: [],
    flags: ['crash'],
  })
  t.equal(run.crash, bug)
})

t.test('a thrown value that is not an Error is a crash too, named by its text', async t => {
  const run = await runOneStep(t, PUBLISH, { broker: brokerThrowing('socket gone') })
  t.equal(run.result.reason, 'atseq crashed: socket gone')
  t.equal(run.crash?.message, 'socket gone')
})
