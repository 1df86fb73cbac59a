/** Step timeouts after `--timeout-scale`, never beyond what a timer can hold. */
import type { Step } from '../model/sequence.js'
import { MAX_TIMER_MS } from '../sequence/duration.js'
import type { RunContext } from './run-context.js'

/** How long a step waits for its final result code (ms). */
export function stepTimeoutMs(step: Step, ctx: RunContext): number {
  return scaleMs(step.timeoutMs ?? ctx.sequence.defaultTimeoutMs, ctx)
}

/** How long after its start a step waits for its URCs and late lines (ms); the step timeout unless `within` is set. */
export function urcWindowMs(step: Step, ctx: RunContext): number {
  return step.urcWithinMs === undefined ? stepTimeoutMs(step, ctx) : scaleMs(step.urcWithinMs, ctx)
}

/**
 * A duration times the run's timeout scale. Validation bounds both; the clamp is the last guard, because a Node.js
 * timer longer than 2^31-1 ms fires after 1 ms, which would turn a long wait into none.
 */
export function scaleMs(ms: number, ctx: Pick<RunContext, 'timeoutScale'>): number {
  return Math.min(ms * ctx.timeoutScale, MAX_TIMER_MS)
}
