import t from 'tap'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Masker } from '../../src/record/masker.js'
import { Recorder } from '../../src/record/recorder.js'
import type { StepResult } from '../../src/model/run-record.js'

function makeRecorder(transcriptPath?: string, secrets: string[] = []): { recorder: Recorder; tick: (ms: number) => void } {
  let now = 0
  const recorder = new Recorder({
    header: {
      atseqVersion: '0.0.0',
      sequence: { name: 's', file: 's.yaml', sha256: 'x', tags: [] },
      device: { url: 'sim://x', settings: {}, identity: {} },
      commandLine: ['atseq'],
    },
    masker: new Masker({ secrets }),
    now: () => now,
    ...(transcriptPath ? { transcriptPath } : {}),
  })
  return {
    recorder,
    tick: ms => {
      now += ms
    },
  }
}

const decode = (data: string): string => Buffer.from(data, 'base64').toString('utf8')

t.test('received bytes are held until a line ends, so a secret split across reads is masked', async t => {
  const { recorder, tick } = makeRecorder(undefined, ['s3cret'])
  tick(5)
  recorder.recordRx(Buffer.from('\r\npass s3'))
  tick(5)
  recorder.recordRx(Buffer.from('cret\r\n'))
  const record = recorder.finish('passed', 0)
  t.equal(record.transcript.length, 1, 'one entry for the line')
  t.equal(record.transcript[0]?.atMs, 5, 'keeps the time of the first byte')
  t.notMatch(decode(record.transcript[0]?.data ?? ''), /s3cret/)
})

t.test('a prompt with no line end is flushed at the step boundary', async t => {
  const { recorder } = makeRecorder()
  recorder.recordTx(Buffer.from('AT+CMQTTTOPIC=0,3\r'))
  recorder.recordRx(Buffer.from('\r\n>'))
  t.equal(recorder.markTranscript(), 2, 'the held prompt is flushed by the mark')
  const record = recorder.finish('passed', 0)
  t.equal(decode(record.transcript[1]?.data ?? ''), '\r\n>')
})

t.test('the transcript is streamed to disk as it goes', async t => {
  const dir = t.testdir({})
  const path = join(dir, 'run.transcript.txt')
  const { recorder } = makeRecorder(path)
  recorder.recordTx(Buffer.from('AT\r'))
  recorder.recordRx(Buffer.from('\r\nOK\r\n'))
  recorder.recordNote('hello')
  t.match(readFileSync(path, 'utf8'), /tx {2}AT\\r\n.*rx {2}\\r\\nOK\\r\\n/s, 'on disk before the run finishes')
  recorder.finish('passed', 0)
})

t.test('finishing closes the transcript file: a suite of many runs does not run out of file descriptors', async t => {
  const openFds = (): number => readdirSync('/proc/self/fd').length
  const dir = t.testdir({})
  const before = openFds()
  const { recorder } = makeRecorder(join(dir, 'run.transcript.txt'))
  t.equal(openFds(), before + 1, 'the transcript is open while the run goes')
  recorder.finish('passed', 0)
  t.equal(openFds(), before, 'and closed once it finished')
})

t.test('an identity field the device did not give stays absent; the others are masked', async t => {
  const { recorder } = makeRecorder(undefined, ['SIMCOM'])
  recorder.recordIdentity({ manufacturer: 'SIMCOM INCORPORATED', model: undefined, revision: 'A011B04' })
  const { identity } = recorder.finish('passed', 0).device
  t.equal(identity.model, undefined)
  t.notMatch(identity.manufacturer ?? '', /SIMCOM/)
  t.equal(identity.revision, 'A011B04')
})

function makeStep(no: string, status: StepResult['status']): StepResult {
  return {
    phase: 'steps',
    no,
    action: 'AT',
    actionKind: 'send',
    expected: ['OK'],
    received: [],
    status,
    startedAtMs: 0,
    durationMs: 1,
    attempts: 1,
    captures: {},
    unexpectedUrcs: [],
    transcript: { from: 0, to: 0 },
    at: { file: 's.yaml', line: 1, col: 1 },
  }
}

t.test('finish counts steps by status and masks the identity', async t => {
  const { recorder } = makeRecorder()
  recorder.recordIdentity({ model: 'A7670E', imei: '861234567890123' })
  const statuses = ['passed', 'passed', 'passed', 'failed', 'errored', 'errored', 'skipped', 'skipped', 'skipped', 'skipped'] as const
  statuses.forEach((status, index) => recorder.recordStep(makeStep(String(index + 1), status)))
  const record = recorder.finish('failed', 1, 'step 3 failed')
  t.same(record.counts, { passed: 3, failed: 1, errored: 2, skipped: 4 })
  t.same(
    record.steps.map(step => step.status),
    statuses,
    'every step is kept, in order',
  )
  t.equal(record.device.identity.model, 'A7670E')
  t.notMatch(record.device.identity.imei ?? '', /861234567890123/)
  t.equal(record.endReason, 'step 3 failed')
})
