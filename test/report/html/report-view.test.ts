import t from 'tap'
import {
  buildReportView,
  describeExitCode,
  formatCommandLine,
  formatSettings,
  LISTED_FAILURES_MAX,
} from '../../../src/report/html/report-view.js'
import { buildStepView, describeLocation, describeTiming, isFailure } from '../../../src/report/html/step-view.js'
import type { RunRecord } from '../../../src/model/run-record.js'
import { droppedRun, failingRun, generateLargeRun, interruptedRun, seedPassRun } from '../fixtures/runs.js'

/** Every step's view as the report builds it: with its transcript formatted only for failures, unless told. */
const stepViews = (record: RunRecord, transcriptOfPassed = true) =>
  record.steps.map((step, index) => buildStepView(record, step, index, transcriptOfPassed || isFailure(step.status)))

t.test('a passing run: counts, phases in order, no failure links', async t => {
  const record = seedPassRun()
  const view = buildReportView(record)
  t.equal(view.status, 'passed')
  t.equal(view.statusLabel, 'PASSED')
  t.same([...new Set(view.data.steps.map(s => s.ph))], ['Setup', 'Steps', 'Teardown'])
  t.equal(view.data.steps.length, record.steps.length)
  t.same(
    view.counts.map(c => [c.status, c.value]),
    [
      ['total', 29],
      ['passed', 29],
      ['failed', 0],
      ['errored', 0],
      ['skipped', 0],
    ],
  )
  t.equal(view.firstFailure, undefined)
  t.same(view.failures, [])
  t.equal(view.endReason, undefined)
})

t.test('a failing run links to its first failure and opens its transcript', async t => {
  const record = failingRun()
  const view = buildReportView(record)
  const index = record.steps.findIndex(s => s.status === 'failed')
  t.same(view.firstFailure, { anchor: `step-${index}`, label: '6 Connect to a MQTT server' })
  t.same(view.failures, [view.firstFailure])
  const failed = view.failureRows.find(s => s.no === '6')!
  t.equal(failed.openTranscript, true)
  t.equal(failed.isFailure, true)
  t.match(failed.reason, /11 = no connection/)
  t.same(
    failed.received.map(r => r.kind),
    ['final', 'urc'],
  )
  const passed = stepViews(record).find(s => s.no === '2')!
  t.equal(passed.openTranscript, false)
})

t.test('the run summary carries device identity, provenance and exit status', async t => {
  const view = buildReportView(droppedRun())
  const device = Object.fromEntries(view.device.map(f => [f.label, f.value]))
  t.same(device, {
    Device: 'serial:///dev/ttyUSB2',
    Manufacturer: 'SIMCOM INCORPORATED',
    Model: 'SIMCOM_SIM7600G-H',
    Firmware: 'LE20B04SIM7600G22',
    IMEI: '••••••',
  })
  const provenance = Object.fromEntries(view.provenance.map(f => [f.label, f.value]))
  t.equal(provenance.atseq, '0.1.0')
  t.equal(provenance['Sequence file'], 'sequences/simcom/mqtts-not-verify-server.yaml')
  t.match(provenance.sha256, /^[0-9a-f]{64}$/)
  t.equal(provenance['Port settings'], 'baudRate=115200 dataBits=8 parity=none stopBits=1 rtscts=true')
  t.match(provenance['Command line'], /^atseq run --device \/dev\/ttyUSB2 /)
  const run = Object.fromEntries(view.run.map(f => [f.label, f.value]))
  t.equal(run['Exit code'], '3 (infrastructure problem)')
  t.match(run['Ended early'], /Port \/dev\/ttyUSB2 closed during step 7\.2/)
  t.equal(view.endReason, run['Ended early'])
})

t.test('an interrupted run says so', async t => {
  const view = buildReportView(interruptedRun())
  t.equal(view.statusLabel, 'INTERRUPTED')
  t.match(view.endReason, /SIGINT/)
  t.equal(view.firstFailure?.label, '9 Publish a message (Received Hi, MOMO sent from server)')
})

t.test('timing shows attempts only when there was a retry; skipped steps were not run', async t => {
  t.equal(describeTiming({ status: 'passed', durationMs: 23, attempts: 1 }), '23 ms')
  t.equal(describeTiming({ status: 'passed', durationMs: 2043, attempts: 2 }), '2.04 s · 2 attempts')
  t.equal(describeTiming({ status: 'failed', durationMs: 30000, attempts: 3 }), '30 s · 3 attempts')
  t.equal(describeTiming({ status: 'skipped', durationMs: 0, attempts: 0 }), 'not run')
  const record = seedPassRun()
  const csq = buildStepView(
    record,
    record.steps.find(s => s.no === 's5')!,
    4,
  )
  t.equal(csq.timing, '2.04 s · 2 attempts')
  t.same(csq.captures, [
    { name: 'rssi', value: '23' },
    { name: 'ber', value: '99' },
  ])
  t.ok(
    csq.transcript.some(line => line.dir === 'note'),
    'the retry note is in the slice',
  )
})

t.test('a step view carries its transcript with direction, text and hex', async t => {
  const record = seedPassRun()
  const step = record.steps.find(s => s.no === '16')!
  const view = buildStepView(record, step, 0)
  t.same(view.unexpectedUrcs, ['+CMQTTNONET'])
  t.same(view.transcript[0], {
    time: view.transcript[0]!.time,
    dir: 'tx',
    dirLabel: 'tx  ',
    arrow: '→',
    text: 'AT+CMQTTSTOP\\r',
    hex: '41 54 2b 43 4d 51 54 54 53 54 4f 50 0d',
  })
  t.equal(view.transcript[1]!.arrow, '←')
  t.match(view.transcriptLabel, /^4 entries from \+\d+\.\d{3} s$/)
  t.equal(view.location, `line ${step.at.line}:${step.at.col}`, 'the sequence file is named once, in the provenance')
  t.equal(
    describeLocation({ file: 'sequences/common/setup.yaml', line: 3, col: 5 }, record.sequence.file),
    'sequences/common/setup.yaml:3:5',
  )
  t.same(
    view.transcript.map(line => line.dirLabel),
    ['tx  ', 'rx  ', 'rx  ', 'rx  '],
  )
  t.equal(new Set(view.transcript.map(line => line.time.length)).size, 1, 'times are padded to one width')
  t.equal(view.hasDetails, true)
})

t.test('a skipped step without reason or transcript has no details row', async t => {
  const record = failingRun()
  const step = record.steps.find(s => s.no === '9')!
  const view = buildStepView(record, step, 0)
  t.equal(view.status, 'skipped')
  t.equal(view.hasDetails, false)
  t.equal(view.transcriptLabel, 'no transcript')
})

t.test('the failure list is capped and says how many more there are', async t => {
  const view = buildReportView(generateLargeRun(30_000))
  const failed = view.counts.find(c => c.status === 'failed')!.value
  t.ok(failed > LISTED_FAILURES_MAX)
  t.equal(view.failures.length, LISTED_FAILURES_MAX)
  t.equal(view.moreFailures, failed - LISTED_FAILURES_MAX)
})

t.test('settings, command lines and exit codes read naturally', async t => {
  t.equal(formatSettings({}), '(none)')
  t.equal(formatCommandLine(['atseq', 'run', '--var', 'name=a b', "it's"]), `atseq run --var 'name=a b' 'it'\\''s'`)
  t.equal(describeExitCode(0), '0 (all steps passed)')
  t.equal(describeExitCode(42), '42')
})

t.test('a todo step reads as TODO, in its own count, not as an error', async t => {
  const record = failingRun()
  const todoStep = {
    ...record.steps[0]!,
    status: 'errored' as const,
    failure: { kind: 'todo' as const },
    reason: 'row 7 could not be read',
  }
  const withTodo = {
    ...record,
    steps: [todoStep, ...record.steps.slice(1)],
    counts: { ...record.counts, errored: record.counts.errored + 1 },
  }
  const view = buildReportView(withTodo)
  const shown = view.data.steps[0]!
  t.equal(shown.st, 'todo')
  t.equal(shown.sl, 'TODO')
  const counts = Object.fromEntries(view.counts.map(c => [c.status, c.value]))
  t.equal(counts['todo'], 1)
  t.equal(counts['errored'], record.counts.errored, 'the todo is not counted again as an error')
})

t.test('only failed steps carry their transcript formatted; the rest keep its count and label for the page script', async t => {
  const record = failingRun()
  const view = buildReportView(record)
  const steps = stepViews(record, false)
  const passed = steps.find(s => s.no === '2')!
  t.same(passed.transcript, [])
  t.equal(passed.transcriptCount, 3)
  t.match(passed.transcriptLabel, /^3 entries from \+\d+\.\d{3} s$/)
  t.equal(view.data.steps.find(s => s.no === '2')!.trn, 3)
  t.equal(view.transcripts[steps.indexOf(passed)]!.length, 3, 'the transcript block holds it')
  t.ok(view.failureRows[0]!.transcript.length > 0, 'a failed step has it in the page')
})
