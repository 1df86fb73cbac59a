/** Step timeouts after `--timeout-scale`. */
import type { Step } from '../model/sequence.js'
import type { RunContext } from './run-context.js'

/** How long a step waits for its final result code (ms). */
export function stepTimeoutMs(step: Step, ctx: RunContext): number {
  return (step.timeoutMs ?? ctx.sequence.defaultTimeoutMs) * ctx.timeoutScale
}

/** How long after its start a step waits for its URCs and late lines (ms); the step timeout unless `within` is set. */
export function urcWindowMs(step: Step, ctx: RunContext): number {
  return step.urcWithinMs === undefined ? stepTimeoutMs(step, ctx) : step.urcWithinMs * ctx.timeoutScale
}
