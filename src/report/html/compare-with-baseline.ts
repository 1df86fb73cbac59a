/**
 * What changed in a run since an earlier run of the same sequence (the `--baseline` record): each step whose status
 * differs, that took markedly longer or shorter, or that the baseline did not have. Steps are paired by phase and
 * number (and by their order among steps sharing both), so inserting a step does not shift every later pairing.
 */
import type { RunRecord, StepResult } from '../../model/run-record.js'
import { formatDurationMs } from '../text/format-duration.js'

/** How a step differs from its baseline. */
export interface StepChange {
  kind: 'status' | 'timing' | 'new'
  /** `was passed`, `was 120 ms`, `not in the baseline`. */
  label: string
  /** The baseline step's duration, for a `timing` change (so a reader can tell slower from faster). */
  beforeMs?: number
}

/** A step's timing counts as changed when one run took at least this many times as long as the other… */
export const TIMING_RATIO = 1.5
/** …and the two differ by at least this much, so jitter on fast steps is not news. */
export const TIMING_MIN_DIFFERENCE_MS = 200

/** The change of each step of `record` against `baseline`, by step index; steps that did not change are absent. */
export function compareWithBaseline(record: Pick<RunRecord, 'steps'>, baseline: Pick<RunRecord, 'steps'>): Map<number, StepChange> {
  const earlier = indexByKey(baseline.steps)
  const changes = new Map<number, StepChange>()
  const seen = new Map<string, number>()
  record.steps.forEach((step, index) => {
    const key = keyOf(step, seen)
    const change = compareStep(step, earlier.get(key))
    if (change !== undefined) changes.set(index, change)
  })
  return changes
}

function compareStep(step: StepResult, before: StepResult | undefined): StepChange | undefined {
  if (before === undefined) return { kind: 'new', label: 'not in the baseline' }
  if (before.status !== step.status) return { kind: 'status', label: `was ${before.status}` }
  if (step.status === 'skipped' || !hasTimingChanged(before.durationMs, step.durationMs)) return undefined
  return { kind: 'timing', label: `was ${formatDurationMs(before.durationMs)}`, beforeMs: before.durationMs }
}

/** Did a step's duration change by more than jitter? */
export function hasTimingChanged(beforeMs: number, afterMs: number): boolean {
  const shorter = Math.max(1, Math.min(beforeMs, afterMs))
  const longer = Math.max(beforeMs, afterMs)
  return longer - shorter >= TIMING_MIN_DIFFERENCE_MS && longer / shorter >= TIMING_RATIO
}

function indexByKey(steps: readonly StepResult[]): Map<string, StepResult> {
  const seen = new Map<string, number>()
  return new Map(steps.map(step => [keyOf(step, seen), step]))
}

/** `phase no #n`: the n-th step with this phase and number, counted in `seen`. */
function keyOf(step: StepResult, seen: Map<string, number>): string {
  const base = `${step.phase}\u0000${step.no}`
  const occurrence = seen.get(base) ?? 0
  seen.set(base, occurrence + 1)
  return `${base}\u0000${occurrence}`
}
