import t from 'tap'
import type { StepResult } from '../../../src/model/run-record.js'
import { findSkippedRuns } from '../../../src/report/html/skipped-runs.js'
import { failingRun, seedPassRun } from '../fixtures/runs.js'

t.test('steps skipped after a failure are one run, told once, naming the failed step', async t => {
  const record = failingRun()
  const failed = record.steps.findIndex(s => s.status === 'failed')
  const runs = findSkippedRuns(record.steps)
  t.equal(runs.length, 1)
  t.same({ from: runs[0]!.from, to: runs[0]!.to }, { from: failed + 1, to: failed + 16 })
  t.equal(runs[0]!.label, '15 steps not run after step 6 failed')
})

t.test('a run splits at a phase, names an error as such, and gives a reason only when all share it', async t => {
  const base = seedPassRun().steps[0]!
  const step = (no: string, status: StepResult['status'], phase: StepResult['phase'], reason?: string): StepResult => ({
    ...base,
    no,
    status,
    phase,
    ...(reason === undefined ? {} : { reason }),
  })
  const steps = [
    step('1', 'errored', 'steps'),
    step('2', 'skipped', 'steps', 'not run: step 1 errored'),
    step('t1', 'skipped', 'teardown', 'no teardown'),
    step('t2', 'skipped', 'teardown', 'other'),
  ]
  t.same(findSkippedRuns(steps), [
    { from: 1, to: 2, label: '1 step not run after step 1 errored', reason: 'not run: step 1 errored' },
    { from: 2, to: 4, label: '2 steps not run after step 1 errored' },
  ])
  t.same(findSkippedRuns([step('1', 'skipped', 'steps')]), [{ from: 0, to: 1, label: '1 step not run' }], 'nothing failed before')
  t.same(findSkippedRuns(seedPassRun().steps), [])
})
