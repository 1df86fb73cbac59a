/** The console's baseline line: status changes counted and named, only slower steps listed as slower. */
import t from 'tap'
import { describeBaselineChanges } from '../../../src/report/console/describe-baseline-changes.js'
import type { RunRecord } from '../../../src/model/run-record.js'
import { failingRun, seedPassRun } from '../fixtures/runs.js'

function withDurations(record: RunRecord, durations: Record<string, number>): RunRecord {
  return { ...record, steps: record.steps.map(step => ({ ...step, durationMs: durations[step.no] ?? step.durationMs })) }
}

t.test('an identical run: nothing changed, nothing slower', async t => {
  t.equal(describeBaselineChanges(seedPassRun(), seedPassRun()), 'since the baseline: no step changed status; none slower')
})

t.test('status changes are counted with what each step was', async t => {
  const line = describeBaselineChanges(failingRun(), seedPassRun())
  t.match(line, /^since the baseline: \d+ steps? changed status \(6 failed, was passed/)
})

t.test('a slower step is listed with both times; a faster one is not', async t => {
  const base = seedPassRun()
  const first = base.steps.find(step => step.phase === 'steps')?.no ?? ''
  const second = base.steps.filter(step => step.phase === 'steps')[1]?.no ?? ''
  const baseline = withDurations(base, { [first]: 100, [second]: 2000 })
  const now = withDurations(base, { [first]: 1500, [second]: 100 })
  const line = describeBaselineChanges(now, baseline)
  t.match(line, new RegExp(`; 1 slower: ${first} .* 1\\.5 ?s \\(was 100 ?ms\\)$`))
  t.notMatch(line, new RegExp(`slower: .*\\b${second} `), 'the faster step is not called slower')
})
