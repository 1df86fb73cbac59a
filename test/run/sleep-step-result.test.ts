/** A sleep step expects, receives and reports nothing: its result holds no lines and no URCs. */
import t from 'tap'
import { runStep } from '../../src/run/run-step.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { openStepContext } from '../helpers/step-context.js'

t.test('a sleep step passes with nothing expected, nothing received and no unexpected URCs', async t => {
  const loaded = loadSequenceText('sleep.yaml', Buffer.from('sequence: sleep\ndevice: simcom-a76xx\nsteps:\n  - sleep: 10ms\n'))
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  const ctx = await openStepContext(t, loaded.sequence, new ScriptedPeer())
  const [step] = loaded.sequence.steps
  if (step === undefined) throw new Error('no step')
  const { result } = await runStep('steps', step, ctx)
  t.equal(result.status, 'passed')
  t.strictSame(result.expected, [])
  t.strictSame(result.received, [])
  t.strictSame(result.unexpectedUrcs, [])
})

t.test('a sleep step cut short by Ctrl-C errors as interrupted, still with nothing expected or received', async t => {
  const loaded = loadSequenceText('sleep.yaml', Buffer.from('sequence: sleep\ndevice: simcom-a76xx\nsteps:\n  - sleep: 10s\n'))
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  const stop = new AbortController()
  const ctx = await openStepContext(t, loaded.sequence, new ScriptedPeer(), { signal: stop.signal })
  const [step] = loaded.sequence.steps
  if (step === undefined) throw new Error('no step')
  setTimeout(() => stop.abort(), 10)
  const run = await runStep('steps', step, ctx)
  t.equal(run.result.status, 'errored')
  t.equal(run.result.reason, 'interrupted by the user')
  t.equal(run.interruption, 'interrupted')
  t.strictSame(run.result.expected, [])
  t.strictSame(run.result.received, [])
  t.strictSame(run.result.unexpectedUrcs, [])
})
