/** `--timeout-scale` multiplies every step timeout: a scaled step waits longer and its reason names the scaled wait. */
import t from 'tap'
import { runStep } from '../../src/run/run-step.js'
import { scaleMs } from '../../src/run/timeouts.js'
import { MAX_TIMER_MS } from '../../src/sequence/duration.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { openStepContext } from '../helpers/step-context.js'

t.test('a duration is multiplied by the scale, and never beyond what a timer holds', async t => {
  t.equal(scaleMs(200, { timeoutScale: 3 }), 600)
  t.equal(scaleMs(200, { timeoutScale: 0.5 }), 100)
  t.equal(scaleMs(MAX_TIMER_MS, { timeoutScale: 2 }), MAX_TIMER_MS)
})

t.test('a send step with a timeout of 40ms at scale 2 waits 80ms for its final result code and says so', async t => {
  const loaded = loadSequenceText(
    'scale.yaml',
    Buffer.from('sequence: scale\ndevice: simcom-a76xx\nsteps:\n  - send: AT\n    timeout: 40ms\n'),
  )
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  const ctx = await openStepContext(t, loaded.sequence, new ScriptedPeer())
  ctx.timeoutScale = 2
  const [step] = loaded.sequence.steps
  if (step === undefined) throw new Error('no step')
  const { result } = await runStep('steps', step, ctx)
  t.equal(result.status, 'failed')
  t.equal(result.reason, 'expected `OK`, got no final result code: nothing arrived within 80 ms')
})
