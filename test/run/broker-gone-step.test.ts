/** A broker link that is gone mid-run errors the step with its cause and marks the run for exit 3, not a crash. */
import t from 'tap'
import type { BrokerLink } from '../../src/model/broker-link.js'
import { InfrastructureError } from '../../src/run/attempt.js'
import { runStep } from '../../src/run/run-step.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { openStepContext } from '../helpers/step-context.js'

const CAUSE = 'the broker could not publish on news: connection refused'

/** A broker link whose publish fails as the app's does when the broker has gone away. */
const goneBroker: BrokerLink = {
  waitFor: () => Promise.resolve({ outcome: 'failed', reason: 'gone' }),
  publish: () => Promise.reject(new InfrastructureError(CAUSE)),
}

t.test('an InfrastructureError names itself, so a log or stack trace says what kind of trouble it was', async t => {
  t.equal(String(new InfrastructureError(CAUSE)), `InfrastructureError: ${CAUSE}`)
})

t.test('a publish step whose broker is gone errors with the cause as its reason and asks for teardown, not a crash', async t => {
  const loaded = loadSequenceText(
    'gone.yaml',
    Buffer.from('sequence: gone\ndevice: simcom-a76xx\nsteps:\n  - publish: { topic: news, payload: hi }\n'),
  )
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  const ctx = await openStepContext(t, loaded.sequence, new ScriptedPeer(), { broker: goneBroker })
  const [step] = loaded.sequence.steps
  if (step === undefined) throw new Error('no step')
  const run = await runStep('steps', step, ctx)
  t.equal(run.result.status, 'errored')
  t.equal(run.result.reason, CAUSE)
  t.same(run.result.failure, { kind: 'broker-missing' })
  t.equal(run.infrastructure, true)
  t.equal(run.crash, undefined)
})
