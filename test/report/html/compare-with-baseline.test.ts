import t from 'tap'
import type { StepResult } from '../../../src/model/run-record.js'
import { compareWithBaseline, hasTimingChanged } from '../../../src/report/html/compare-with-baseline.js'
import { buildReportView } from '../../../src/report/html/report-view.js'
import { failingRun, seedPassRun } from '../fixtures/runs.js'

t.test('a step whose status changed since the baseline is marked with what it was', async t => {
  const baseline = seedPassRun()
  const record = failingRun()
  const changes = compareWithBaseline(record, baseline)
  const failed = record.steps.findIndex(s => s.no === '6')
  t.same(changes.get(failed), { kind: 'status', label: 'was passed' })
  t.ok(
    record.steps.every((step, index) => step.status !== 'skipped' || changes.get(index)?.kind === 'status'),
    'every newly skipped step too',
  )
  t.equal(compareWithBaseline(baseline, baseline).size, 0, 'a run compared with itself has no change')
})

t.test('timing counts as changed only beyond jitter; steps the baseline lacks are new', async t => {
  const baseline = seedPassRun()
  const steps = baseline.steps.map((step): StepResult => (step.no === '2' ? { ...step, durationMs: step.durationMs + 2000 } : step))
  const extra: StepResult = { ...baseline.steps[0]!, no: '99' }
  const changes = compareWithBaseline({ steps: [...steps, extra] }, baseline)
  const index = steps.findIndex(step => step.no === '2')
  t.equal(changes.get(index)?.kind, 'timing')
  t.match(changes.get(index)?.label, /^was \d+ ms$/)
  t.same(changes.get(steps.length), { kind: 'new', label: 'not in the baseline' })
  t.equal(changes.size, 2)
  t.notOk(hasTimingChanged(20, 180), 'fast steps jitter')
  t.notOk(hasTimingChanged(1000, 1300), 'a small share of a slow step')
  t.ok(hasTimingChanged(1000, 1500))
  t.ok(hasTimingChanged(1500, 1000), 'faster counts too')
})

t.test('steps sharing a number pair by order, so a repeated step is compared with its own counterpart', async t => {
  const base = seedPassRun().steps[0]!
  const first: StepResult = { ...base, no: 'x', status: 'passed' }
  const second: StepResult = { ...base, no: 'x', status: 'failed' }
  t.same([...compareWithBaseline({ steps: [first, second] }, { steps: [first, first] }).keys()], [1])
})

t.test('the report view says how many steps changed and the page data marks them', async t => {
  const view = buildReportView(failingRun(), { baseline: seedPassRun() })
  const changed = compareWithBaseline(failingRun(), seedPassRun()).size
  t.ok(changed >= 16, 'the failure and the 15 steps it left unrun, at least')
  t.equal(view.baselineSummary, `${changed} steps changed since the baseline`)
  t.equal(view.data.hasBaseline, true)
  t.equal(view.data.steps.filter(step => step.chg !== undefined).length, changed)
  t.equal(buildReportView(failingRun()).baselineSummary, undefined)
  t.equal(buildReportView(failingRun()).data.hasBaseline, false)
})
