import t from 'tap'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RunRecord } from '../../src/model/run-record.js'
import { runSequenceFile, type RunSequenceOptions } from '../../src/app/run-sequence-file.js'
import { loadSequence } from '../../src/sequence/load-sequence.js'
import type { Sequence } from '../../src/model/sequence.js'
import { sequenceRunOptions } from '../helpers/run-options.js'

const SEED = 'sequences/simcom/mqtts-not-verify-server.yaml'

async function loadSeed(): Promise<Sequence> {
  const loaded = await loadSequence(SEED)
  if (!loaded.sequence) throw new Error('the seed does not load')
  return loaded.sequence
}

function runOptions(reportDir: string, device: string, vars: Record<string, string> = {}): RunSequenceOptions {
  return sequenceRunOptions(reportDir, { device, vars, commandLine: ['atseq', 'run', SEED] })
}

function jsonReport(paths: string[]): string {
  const path = paths.find(p => p.endsWith('.json'))
  if (path === undefined) throw new Error('no JSON report written')
  return path
}

t.test('the seed on the simulator, then replayed from its own JSON record with no broker or simulator', async t => {
  const dir = t.testdir({})
  const seed = await loadSeed()
  const live = await runSequenceFile(seed, runOptions(join(dir, 'live'), 'sim://simcom-a76xx'))
  t.equal(live.record.status, 'passed', 'the seed passes on the simulator')
  t.ok(
    live.record.broker?.messages.some(m => m.topic === 'dddrrrggghhhk' && m.qos === 1),
    'the record keeps what the broker received',
  )
  const recording = jsonReport(live.reportPaths)

  for (const device of [`replay://${recording}?fast=1`, `replay://${recording}`]) {
    const replay = await runSequenceFile(seed, runOptions(join(dir, 'replay'), device))
    t.equal(replay.record.status, 'passed', `${device} passes`)
    t.equal(replay.record.counts.passed, live.record.counts.passed)
    const notes = replay.record.transcript.filter(e => e.dir === 'note').map(e => e.data)
    t.notOk(
      notes.some(note => /embedded broker/.test(note)),
      'no broker was started',
    )
    t.equal(replay.record.device.settings.recording, recording)
    t.equal(replay.record.device.identity.revision, live.record.device.identity.revision, 'the replay identifies as the recorded device')
    const step9 = replay.record.steps.find(s => s.no === '9')
    t.equal(step9?.status, 'passed', "the broker check of row 9 is judged on what the recording's broker received")
    const sent = (r: RunRecord): string[] => r.transcript.filter(e => e.dir === 'tx').map(e => e.data)
    t.same(sent(replay.record), sent(live.record), 'the host wrote the same bytes')
  }
})

t.test('a changed command against the replay fails its step with a message naming it', async t => {
  const dir = t.testdir({})
  const seed = await loadSeed()
  const live = await runSequenceFile(seed, runOptions(join(dir, 'live'), 'sim://simcom-a76xx'))
  const recording = jsonReport(live.reportPaths)
  const replay = await runSequenceFile(seed, runOptions(join(dir, 'replay'), `replay://${recording}?fast=1`, { pub_topic: 'elsewhere' }))
  t.equal(replay.record.status, 'errored')
  t.equal(replay.record.exitCode, 3, 'a mismatch with the recording is infrastructure, as the README says')
  const step = replay.record.steps.find(s => s.no === '7.1')
  t.equal(step?.status, 'errored')
  t.match(step?.reason, /step 7\.1 the recording has `AT\+CMQTTTOPIC=0,13` but the host sent `AT\+CMQTTTOPIC=0,9`/)
  t.equal(replay.record.steps.find(s => s.no === '9')?.status, 'skipped', 'later steps are skipped')
})

t.test('a broker check the recording cannot confirm fails under replay', async t => {
  const dir = t.testdir({})
  const seed = await loadSeed()
  const live = await runSequenceFile(seed, runOptions(join(dir, 'live'), 'sim://simcom-a76xx'))
  const record = JSON.parse(readFileSync(jsonReport(live.reportPaths), 'utf8')) as RunRecord
  record.broker = { messages: [] }
  const recording = join(dir, 'no-broker-messages.json')
  writeFileSync(recording, JSON.stringify(record))
  const replay = await runSequenceFile(seed, runOptions(join(dir, 'replay'), `replay://${recording}?fast=1`))
  const step9 = replay.record.steps.find(s => s.no === '9')
  t.equal(step9?.status, 'failed')
  t.match(step9?.reason, /recording's broker received no such message around step 9/)
})
