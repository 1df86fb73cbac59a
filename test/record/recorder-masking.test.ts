/** What the finished record holds, field by field: every field that can carry wire text or a secret is masked. */
import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MASK, Masker } from '../../src/record/masker.js'
import { Recorder, type RecordHeader } from '../../src/record/recorder.js'
import { RUN_RECORD_SCHEMA_VERSION, type StepResult } from '../../src/model/run-record.js'

const SECRET = 'pw-9f3k'

const header: RecordHeader = {
  atseqVersion: '1.2.3',
  sequence: { name: 's', file: 's.yaml', sha256: 'abc', tags: ['t'] },
  device: { url: `tcp://bob:${SECRET}@127.0.0.1:4001`, settings: {}, identity: {} },
  commandLine: ['atseq', 'run', `--var=pass=${SECRET}`],
}

function makeRecorder(transcriptPath?: string): { recorder: Recorder; tick: (ms: number) => void } {
  let now = 1000
  const recorder = new Recorder({
    header,
    masker: new Masker({ secrets: [SECRET] }),
    now: () => now,
    ...(transcriptPath ? { transcriptPath } : {}),
  })
  return { recorder, tick: ms => (now += ms) }
}

const secretStep: StepResult = {
  phase: 'steps',
  no: '7',
  description: `log in with ${SECRET}`,
  action: `AT+LOGIN="${SECRET}"`,
  actionKind: 'send',
  expected: [`+LOGIN: ${SECRET}`],
  received: [{ atMs: 3, kind: 'response', text: `+LOGIN: ${SECRET}` }],
  status: 'failed',
  reason: `expected ${SECRET}`,
  failure: { kind: 'missing-line' },
  startedAtMs: 2,
  durationMs: 4,
  attempts: 2,
  captures: { token: SECRET },
  unexpectedUrcs: [`+URC: ${SECRET}`],
  transcript: { from: 0, to: 1 },
  at: { file: 's.yaml', line: 9, col: 5 },
}

t.test('a step is recorded with every text field masked and the rest as it was', async t => {
  const { recorder } = makeRecorder()
  const returned = recorder.recordStep(secretStep)
  const [step] = recorder.finish('failed', 1).steps
  t.same(returned, step, 'what the console is given is what the record keeps')
  t.same(step, {
    ...secretStep,
    description: `log in with ${MASK}`,
    action: `AT+LOGIN="${MASK}"`,
    expected: [`+LOGIN: ${MASK}`],
    received: [{ atMs: 3, kind: 'response', text: `+LOGIN: ${MASK}` }],
    reason: `expected ${MASK}`,
    captures: { token: MASK },
    unexpectedUrcs: [`+URC: ${MASK}`],
  })
})

t.test("a retried step's attempts are masked like the rest of it; a step tried once has no attempt log", async t => {
  const { recorder } = makeRecorder()
  const attempt = (n: number) => ({
    n,
    startedAtMs: n,
    durationMs: 1,
    status: 'failed' as const,
    reason: `no ${SECRET}`,
    received: [{ atMs: n, kind: 'response' as const, text: `+LOGIN: ${SECRET}` }],
  })
  recorder.recordStep({ ...secretStep, attemptLog: [attempt(1), attempt(2)] })
  recorder.recordStep(secretStep)
  const [retried, once] = recorder.finish('failed', 1).steps
  t.same(
    retried?.attemptLog?.map(a => [a.reason, a.received[0]?.text]),
    [
      [`no ${MASK}`, `+LOGIN: ${MASK}`],
      [`no ${MASK}`, `+LOGIN: ${MASK}`],
    ],
  )
  t.notOk(once && 'attemptLog' in once, 'no attempt log key')
})

t.test('a step without description or reason gets neither', async t => {
  const { recorder } = makeRecorder()
  const bare: StepResult = { ...secretStep }
  delete bare.description
  delete bare.reason
  recorder.recordStep(bare)
  const [step] = recorder.finish('passed', 0).steps
  t.notOk(step && 'description' in step, 'no description key')
  t.notOk(step && 'reason' in step, 'no reason key')
})

t.test('the header, the device and its settings are masked; times and verdict are kept', async t => {
  const { recorder, tick } = makeRecorder()
  recorder.setDeviceSettings({ baud: 115200, apn: `internet-${SECRET}`, rtscts: true })
  tick(1234.56789)
  const before = Date.now()
  const record = recorder.finish('errored', 4)
  t.equal(record.schemaVersion, RUN_RECORD_SCHEMA_VERSION)
  t.equal(record.atseqVersion, '1.2.3')
  t.same(record.sequence, header.sequence)
  t.same(record.commandLine, ['atseq', 'run', `--var=pass=${MASK}`])
  t.equal(record.device.url, `tcp://${MASK}@127.0.0.1:4001`)
  t.same(record.device.settings, { baud: 115200, apn: `internet-${MASK}`, rtscts: true })
  t.equal(record.durationMs, 1234.568, 'rounded to the microsecond')
  t.equal(record.status, 'errored')
  t.equal(record.exitCode, 4)
  t.notOk('endReason' in record, 'no end reason unless given')
  t.ok(Math.abs(Date.parse(record.startedAt) - before) < 60_000, 'started now, as an ISO time')
  t.equal(new Date(record.startedAt).toISOString(), record.startedAt)
})

t.test('received bytes ending in CR are a whole entry; a write and a note flush what is held first', async t => {
  const dir = t.testdir({})
  const path = join(dir, 'run.transcript.txt')
  const { recorder, tick } = makeRecorder(path)
  recorder.recordRx(Buffer.from('\r\n+X: 1\r'))
  tick(10)
  recorder.recordRx(Buffer.from('\n+Y'))
  tick(10)
  recorder.recordTx(Buffer.from(`AT+P="${SECRET}"\r`))
  recorder.recordRx(Buffer.from('OK'))
  tick(5)
  recorder.recordNote(`closed by ${SECRET}`)
  t.equal(recorder.elapsedMs(), 25)
  const record = recorder.finish('passed', 0)
  t.same(
    record.transcript.map(entry => [
      entry.atMs,
      entry.dir,
      entry.dir === 'note' ? entry.data : Buffer.from(entry.data, 'base64').toString(),
    ]),
    [
      [0, 'rx', '\r\n+X: 1\r'],
      [10, 'rx', '\n+Y'],
      [20, 'tx', `AT+P="${MASK}"\r`],
      [20, 'rx', 'OK'],
      [25, 'note', `closed by ${MASK}`],
    ],
  )
  const lines = readFileSync(path, 'utf8').split('\n')
  t.equal(lines.length, 6, 'one line per entry, each ended')
  t.equal(lines[4], `+    0.025s --  closed by ${MASK}`)
})

t.test('received bytes ending in a bare LF are a whole entry too', async t => {
  const { recorder, tick } = makeRecorder()
  recorder.recordRx(Buffer.from('+X: 1\n'))
  tick(10)
  recorder.recordRx(Buffer.from('+Y'))
  const record = recorder.finish('passed', 0)
  t.same(
    record.transcript.map(entry => [entry.atMs, Buffer.from(entry.data, 'base64').toString()]),
    [
      [0, '+X: 1\n'],
      [10, '+Y'],
    ],
  )
})

t.test('without a transcript path nothing is streamed, and finish may close twice', async t => {
  const { recorder } = makeRecorder()
  recorder.recordTx(Buffer.from('AT\r'))
  t.equal(recorder.finish('passed', 0).transcript.length, 1)
  t.equal(recorder.finish('passed', 0).transcript.length, 1)
})
