/** `data` steps write exactly the bytes they spell: hex pairs with any spacing, or the text as UTF-8. */
import t from 'tap'
import { runStep } from '../../src/run/run-step.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { openStepContext } from '../helpers/step-context.js'

t.test('a hex data step writes the bytes its digit pairs spell, spaces and line breaks left out', async t => {
  const spelled = Buffer.from([0x41, 0x1a, 0x0d, 0x0a, 0xff])
  const peer = new ScriptedPeer().on(spelled, '\r\nOK\r\n')
  const loaded = loadSequenceText(
    's.yaml',
    Buffer.from(`sequence: s\ntimeout: 200ms\nsteps:\n  - data: "41  1a\\n0D 0a\\tff"\n    hex: true\n  - data: "é{{word}}"\n`),
  )
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  const ctx = await openStepContext(t, loaded.sequence, peer, { vars: { word: 'ab' } })
  peer.on(Buffer.from('éab', 'utf8'), '\r\nOK\r\n')
  const [hex, text] = loaded.sequence.steps
  const hexRun = await runStep('steps', hex!, ctx)
  t.equal(hexRun.result.status, 'passed', hexRun.result.reason ?? '')
  t.same(peer.writes, [spelled])
  const textRun = await runStep('steps', text!, ctx)
  t.equal(textRun.result.status, 'passed', textRun.result.reason ?? '')
  t.same(peer.writes, [spelled, Buffer.from('éab', 'utf8')], 'text is written as UTF-8')
})
