/**
 * Each executor runs one action kind. Handed a step of another kind (a registry mistake), it throws a TypeError
 * that names the kind, instead of failing somewhere deeper on a field the step does not have.
 */
import t from 'tap'
import { executePublish } from '../../src/run/executors/broker-steps.js'
import { executeData, executeSend } from '../../src/run/executors/exchange.js'
import { executeServe } from '../../src/run/executors/server-steps.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { openStepContext } from '../helpers/step-context.js'

t.test('an executor given a step of another kind throws a TypeError naming that kind', async t => {
  const loaded = loadSequenceText(
    's.yaml',
    Buffer.from(`sequence: s\nsteps:\n  - send: AT\n  - data: hi\n  - publish: { topic: t }\n  - serve: { network: drop }\n`),
  )
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  const ctx = await openStepContext(t, loaded.sequence, new ScriptedPeer())
  const [send, data, publish, serve] = loaded.sequence.steps
  await t.rejects(async () => executeSend(data!, ctx), new TypeError('executeSend got a data step'))
  await t.rejects(async () => executeData(send!, ctx), new TypeError('executeData got a send step'))
  await t.rejects(async () => executePublish(serve!, ctx), new TypeError('executePublish got a serve step'))
  await t.rejects(async () => executeServe(publish!, ctx), new TypeError('executeServe got a publish step'))
})
