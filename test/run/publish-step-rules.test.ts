/**
 * `publish` steps in the executor against a fake broker link: the message as written reaches the broker, and a run
 * without a broker errors the step with what it would have published.
 */
import t, { type Test } from 'tap'
import type { BrokerLink, PublishedMessage } from '../../src/model/broker-link.js'
import type { StepResult } from '../../src/model/run-record.js'
import { runStep } from '../../src/run/run-step.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { openStepContext } from '../helpers/step-context.js'

/** A broker link that keeps what it was asked to publish and has received nothing. */
function createPublishingBroker(): BrokerLink & { published: PublishedMessage[] } {
  const published: PublishedMessage[] = []
  return {
    published,
    waitFor: async () => ({ outcome: 'timeout', reason: 'nothing arrived' }),
    publish: async message => void published.push(message),
  }
}

/** Runs the sequence's steps one by one on a silent scripted modem, with `broker` or none. */
async function runPublishSteps(t: Test, yaml: string, broker?: BrokerLink): Promise<StepResult[]> {
  const loaded = loadSequenceText('s.yaml', Buffer.from(`sequence: s\ntimeout: 200ms\nsteps:\n${yaml}`))
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  const ctx = await openStepContext(t, loaded.sequence, new ScriptedPeer(), {
    vars: { word: 'hello' },
    ...(broker ? { broker } : {}),
  })
  const results: StepResult[] = []
  for (const step of loaded.sequence.steps) results.push((await runStep('steps', step, ctx)).result)
  return results
}

t.test('a publish step hands the broker qos and retain exactly as written, zero and false included', async t => {
  const broker = createPublishingBroker()
  const steps = await runPublishSteps(
    t,
    `  - publish: { topic: "t/{{word}}", payload: "{{word}}!", qos: 1, retain: true }
  - publish: { topic: t/zero, payload: x, qos: 0, retain: false }
  - publish: { topic: t/plain }
`,
    broker,
  )
  t.same(
    steps.map(step => step.status),
    ['passed', 'passed', 'passed'],
  )
  t.same(broker.published, [
    { topic: 't/hello', payload: 'hello!', qos: 1, retain: true },
    { topic: 't/zero', payload: 'x', qos: 0, retain: false },
    { topic: 't/plain', payload: '' },
  ])
})

t.test('a publish step in a run without a broker errors with a hint and the message it would have sent', async t => {
  const [empty, sized] = await runPublishSteps(
    t,
    `  - publish: { topic: "t/{{word}}" }
    urc: "+CMQTTRXEND: 0"
  - publish: { topic: t/b, payload: "é{{word}}" }
`,
  )
  t.equal(empty!.status, 'errored')
  t.equal(empty!.failure?.kind, 'broker-missing')
  t.equal(empty!.reason, 'this step publishes from the broker, but the run has none: give --broker <url>')
  t.same(empty!.expected, ['publish t/hello (0 bytes)'], 'no payload is zero bytes')
  t.same(empty!.received, [])
  t.same(empty!.unexpectedUrcs, [])
  t.same(sized!.expected, ['publish t/b (7 bytes)'], 'the size counts UTF-8 bytes')
})
