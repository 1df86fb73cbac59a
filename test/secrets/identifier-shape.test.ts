import t from 'tap'
import { join } from 'node:path'
import { runSequenceFile, type RunSequenceOptions } from '../../src/app/run-sequence-file.js'
import { loadSequence } from '../../src/sequence/load-sequence.js'
import type { Sequence } from '../../src/model/sequence.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { serveScriptedModem } from '../helpers/serve-scripted-modem.js'
import { sequenceRunOptions } from '../helpers/run-options.js'

const IMEI = '861234567890123'
const IMSI = '460001234567890'
const ICCID = '89860012345678901234'

function createModem(): ScriptedPeer {
  return new ScriptedPeer({ echo: true })
    .on('ATI\r', '\r\nManufacturer: SIMCOM INCORPORATED\r\nModel: A7670E\r\n\r\nOK\r\n')
    .on('AT+CGMR\r', '\r\n+CGMR: A7670M7_V1.0\r\n\r\nOK\r\n')
    .on('AT+CGSN\r', `\r\n${IMEI}\r\n\r\nOK\r\n`)
    .on('AT+CIMI\r', `\r\n${IMSI}\r\n\r\nOK\r\n`)
    .on('AT+CICCID\r', `\r\n+ICCID: ${ICCID}\r\n\r\nOK\r\n`)
}

async function loadShapes(dir: string): Promise<Sequence> {
  const file = join(dir, 'shapes.yaml')
  const { writeFileSync } = await import('node:fs')
  writeFileSync(
    file,
    [
      'sequence: identifier shapes',
      'device: simcom-a76xx',
      'steps:',
      '  - send: AT+CGSN',
      '    expect: ["/^(?<imei>\\\\d{15})$/", OK]',
      '  - send: AT+CIMI',
      '    expect: ["/^(?<imsi>\\\\d{15})$/", OK]',
      '  - send: AT+CICCID',
      '    expect: ["/^\\\\+ICCID: (?<iccid>89\\\\d{17,18}F?)$/", OK]',
      '',
    ].join('\n'),
  )
  const loaded = await loadSequence(file)
  if (!loaded.sequence) throw new Error(`shapes.yaml does not load: ${JSON.stringify(loaded.diagnostics)}`)
  return loaded.sequence
}

function runOptions(reportDir: string, device: string): RunSequenceOptions {
  return sequenceRunOptions(reportDir, { device })
}

t.test('a masked record keeps identifier shapes, so replaying it passes the sequence that checks them', async t => {
  const dir = t.testdir({})
  const port = await serveScriptedModem(t, createModem)
  const sequence = await loadShapes(dir)
  const live = await runSequenceFile(sequence, runOptions(join(dir, 'live'), `tcp://127.0.0.1:${port}`))
  t.equal(live.record.status, 'passed')
  const text = JSON.stringify(live.record) + live.record.transcript.map(e => Buffer.from(e.data, 'base64').toString()).join('')
  for (const id of [IMEI, IMSI, ICCID]) t.notOk(text.includes(id), `${id} is masked`)
  t.equal(live.record.device.identity.imei, '000000000000000')
  const recording = live.reportPaths.find(p => p.endsWith('.json')) ?? ''
  const replay = await runSequenceFile(sequence, runOptions(join(dir, 'replay'), `replay://${recording}?fast=1`))
  t.equal(replay.record.status, 'passed', 'the replay passes')
  t.same(
    replay.record.steps.map(s => s.status),
    ['passed', 'passed', 'passed'],
  )
})

t.test('the seed on the simulator replays green from its masked record', async t => {
  const dir = t.testdir({})
  const loaded = await loadSequence('sequences/simcom/mqtts-not-verify-server.yaml')
  if (!loaded.sequence) throw new Error('the seed does not load')
  const live = await runSequenceFile(loaded.sequence, runOptions(join(dir, 'live'), 'sim://simcom-a76xx'))
  t.equal(live.record.status, 'passed')
  const recording = live.reportPaths.find(p => p.endsWith('.json')) ?? ''
  const replay = await runSequenceFile(loaded.sequence, runOptions(join(dir, 'replay'), `replay://${recording}?fast=1`))
  t.equal(replay.record.status, 'passed')
})
