import t from 'tap'
import type { RunRecord, StepResult } from '../../src/model/run-record.js'
import { diffLines } from '../../src/diff/line-diff.js'
import { diffRuns, pairSteps } from '../../src/diff/diff-runs.js'
import { formatDiffText } from '../../src/report/diff/format-diff-text.js'
import { renderDiffHtml } from '../../src/report/diff/render-diff-html.js'
import { runYamlOnSim } from '../helpers/run-on-sim.js'

const labels = { a: 'a.json', b: 'b.json' }

/** Firmware, one response line (+CSQ) and one step's latency differ between the two runs; the CGMR step regresses. */
const SEQUENCE = `sequence: diff test
device: simcom-a76xx
steps:
  - no: "1"
    send: AT+CGMR
    expect: ["+CGMR: A011B07A7670M7_F", OK]
    continue_on_failure: true
  - no: "2"
    send: AT+CSQ
    expect: ['/^\\+CSQ: \\d+,\\d+$/', OK]
  - no: "3"
    send: AT
    expect: OK
  - no: "4"
    send: AT+CSQ
    expect: ['/^\\+CSQ: (?<rssi>\\d+),\\d+$/', OK]
`

t.test('line diff: same, removed and added lines in order', async t => {
  t.same(diffLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd']), [
    { op: 'same', text: 'a' },
    { op: 'removed', text: 'b' },
    { op: 'added', text: 'x' },
    { op: 'same', text: 'c' },
    { op: 'added', text: 'd' },
  ])
  t.same(diffLines([], []), [])
})

t.test('steps pair by phase and number; steps of one run only are kept in place', async t => {
  const step = (no: string): StepResult => ({ no, phase: 'steps' }) as StepResult
  const pairs = pairSteps([step('1'), step('2'), step('4')], [step('1'), step('3'), step('4')])
  t.same(
    pairs.map(([a, b]) => [a?.no, b?.no]),
    [
      ['1', '1'],
      ['2', undefined],
      [undefined, '3'],
      ['4', '4'],
    ],
  )
})

t.test('two simulator runs: firmware, a response line and a latency differ; a run against itself does not', async t => {
  const a = (await runYamlOnSim(t, SEQUENCE)).record
  const b = (
    await runYamlOnSim(t, SEQUENCE, {
      device: 'sim://simcom-sim7600?rssi=12',
      onStepEnd: (step, modem) => {
        if (step.no === '2') modem?.setLatency(900)
      },
    })
  ).record
  const diff = diffRuns(a, b, labels)

  t.same(
    diff.identity.find(c => c.field === 'revision'),
    { field: 'revision', from: 'A011B07A7670M7_F', to: 'SIM7600M22_V1.1' },
    'firmware string',
  )
  const step1 = diff.steps.find(s => s.no === '1')!
  t.ok(step1.isRegression, 'AT+CGMR went from passed to failed')
  t.same(
    step1.lines.filter(l => l.op !== 'same'),
    [
      { op: 'removed', text: '+CGMR: A011B07A7670M7_F' },
      { op: 'added', text: '+CGMR: SIM7600M22_V1.1' },
    ],
  )
  const step2 = diff.steps.find(s => s.no === '2')!
  t.same(
    step2.lines.filter(l => l.op !== 'same').map(l => l.op),
    ['removed', 'added'],
    'the +CSQ response line differs',
  )
  t.equal(step2.statusA, step2.statusB, 'both passed')
  const step3 = diff.steps.find(s => s.no === '3')!
  t.ok(step3.latency && step3.latency.deltaMs > 500, 'the slow AT is reported as a latency change')
  t.ok(
    step3.lines.some(l => l.op === 'same' && l.text === 'OK'),
    'with the same final result code',
  )
  const step4 = diff.steps.find(s => s.no === '4')!
  t.notOk(
    step4.lines.some(l => l.op !== 'same'),
    'a captured value (rssi) is not a difference',
  )
  t.equal(diff.regressions, 1)

  const text = formatDiffText(diff).join('\n')
  t.match(text, /device revision: A011B07A7670M7_F → SIM7600M22_V1\.1/)
  t.match(text, /step 1 .*REGRESSION/)
  t.match(text, /- \+CGMR: A011B07A7670M7_F\n\s+\+ \+CGMR: SIM7600M22_V1\.1/)
  t.match(text, /duration: .* → .*/)
  const html = renderDiffHtml(diff, 'test')
  t.match(html, /<code class="l-removed">− \+CGMR: A011B07A7670M7_F<\/code>/)
  t.match(html, /d-regression/)

  const itself = diffRuns(a, a, labels)
  t.equal(itself.hasDifferences, false)
  t.equal(itself.regressions, 0)
  t.same(formatDiffText(itself).at(-1), 'no differences')
  t.match(renderDiffHtml(itself, 'test'), /No differences/)
})

t.test('masked values are not differences, and a changed sequence file is said', async t => {
  const record = (imeiLine: string, sha256: string): RunRecord => ({
    schemaVersion: 1,
    atseqVersion: 't',
    sequence: { name: 's', file: 's.yaml', sha256, tags: [] },
    device: { url: 'sim://x', settings: {}, identity: {} },
    commandLine: [],
    startedAt: '2026-01-01T00:00:00Z',
    durationMs: 1,
    status: 'passed',
    exitCode: 0,
    counts: { passed: 1, failed: 0, errored: 0, skipped: 0 },
    transcript: [],
    steps: [
      {
        phase: 'steps',
        no: '1',
        action: 'AT+CGSN',
        actionKind: 'send',
        expected: [],
        status: 'passed',
        startedAtMs: 0,
        durationMs: 5,
        attempts: 1,
        captures: {},
        unexpectedUrcs: [],
        transcript: { from: 0, to: 0 },
        at: { file: 's.yaml', line: 1, col: 1 },
        received: [
          { atMs: 1, kind: 'echo', text: 'AT+CGSN' },
          { atMs: 1, kind: 'response', text: imeiLine },
          { atMs: 2, kind: 'final', text: 'OK' },
        ],
      },
    ],
  })
  const diff = diffRuns(record('••••••', 'a'.repeat(64)), record('••••••', 'b'.repeat(64)), labels)
  t.equal(diff.changedSteps, 0)
  t.equal(diff.isSameSequence, false)
  t.match(formatDiffText(diff).join('\n'), /different versions of the sequence file/)
})
