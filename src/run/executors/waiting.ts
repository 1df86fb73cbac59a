/** `wait` steps (URCs, with no command) and `sleep` steps. */
import { setTimeout as delay } from 'node:timers/promises'
import type { Step } from '../../model/sequence.js'
import { errored, passed, type AttemptResult, NO_EVIDENCE } from '../attempt.js'
import { judgeBroker, judgeForbidden, judgeLines, judgeUrcs, passJudging, type Judging } from '../judge-window.js'
import { describeExpectations, renderExpectations } from '../render-step.js'
import type { RunContext } from '../run-context.js'
import { scaleMs, urcWindowMs } from '../timeouts.js'
import { isAttempt } from './exchange.js'
import { describeServerChecks, judgeServer } from '../judge-server.js'

/**
 * Runs a `wait` step: its URCs may already be in the chat's buffer (they arrived during an
 * earlier step and nothing used them) or arrive within the step's window. Its `broker:` and `server:`
 * checks look at everything received since `sinceEpochMs`: by default since the run started, since a wait
 * step has no action of its own that the message could answer.
 */
export async function executeWait(step: Step, ctx: RunContext, sinceEpochMs = 0): Promise<AttemptResult> {
  const expectations = renderExpectations(step, ctx)
  const window = ctx.chat.openWindow({ includeBuffered: true })
  const judging: Judging = {
    step,
    ctx,
    window,
    expectations,
    expected: [...describeExpectations(expectations, false), ...describeServerChecks(step, ctx)],
    deadlineMs: window.startedAtMs + urcWindowMs(step, ctx),
  }
  try {
    const urcs = await judgeUrcs(judging)
    if (isAttempt(urcs)) return urcs
    const lines = await judgeLines(judging, false)
    if (isAttempt(lines)) return lines
    const problem = judgeForbidden(judging) ?? (await judgeBroker(judging, sinceEpochMs)) ?? (await judgeServer(judging, sinceEpochMs))
    return problem ?? passJudging(judging, { ...urcs, ...lines })
  } finally {
    window.close()
  }
}

/** Runs a `sleep` step; Ctrl-C ends it at once. */
export async function executeSleep(step: Step, ctx: RunContext): Promise<AttemptResult> {
  if (step.action.kind !== 'sleep') throw new TypeError(`executeSleep got a ${step.action.kind} step`)
  try {
    await delay(scaleMs(step.action.durationMs, ctx), undefined, { signal: ctx.signal })
    return passed(NO_EVIDENCE)
  } catch {
    return errored(NO_EVIDENCE, 'interrupted', 'interrupted by the user', 'interrupted')
  }
}
