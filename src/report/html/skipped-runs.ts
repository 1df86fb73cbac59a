/** Steps skipped one after another, told once: "15 steps not run after step 6 failed". */
import type { StepResult } from '../../model/run-record.js'

/** A run of consecutive skipped steps in one phase: step indexes [from, to). */
export interface SkippedRun {
  from: number
  to: number
  /** `15 steps not run after step 6 failed`, or `3 steps not run` when nothing before them failed. */
  label: string
  /** The reason the steps give, when they all give the same one (told once for the run). */
  reason?: string
}

/** Finds every run of consecutive skipped steps, each within one phase, naming the failure before it. */
export function findSkippedRuns(steps: readonly StepResult[]): SkippedRun[] {
  const runs: SkippedRun[] = []
  let index = 0
  while (index < steps.length) {
    if (steps[index]?.status !== 'skipped') {
      index += 1
      continue
    }
    const from = index
    while (steps[index]?.status === 'skipped' && steps[index]?.phase === steps[from]?.phase) index += 1
    runs.push(describeSkippedRun(steps, from, index))
  }
  return runs
}

function describeSkippedRun(steps: readonly StepResult[], from: number, to: number): SkippedRun {
  const count = to - from
  const cause = findCause(steps, from)
  const what = `${count} step${count === 1 ? '' : 's'} not run`
  const label = cause === undefined ? what : `${what} after step ${cause.no} ${cause.status === 'errored' ? 'errored' : 'failed'}`
  const reasons = new Set(steps.slice(from, to).map(step => step.reason))
  const [reason] = reasons
  return { from, to, label, ...(reasons.size === 1 && reason !== undefined ? { reason } : {}) }
}

/** The last failed or errored step before `index`: the one that stopped the run. */
function findCause(steps: readonly StepResult[], index: number): StepResult | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const step = steps[i]
    if (step?.status === 'failed' || step?.status === 'errored') return step
  }
  return undefined
}
