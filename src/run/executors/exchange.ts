/**
 * `send` and `data` steps: write to the modem, then judge its final result code,
 * the expected lines, the URCs, the lines that must not appear and the broker.
 */
import { resultUrcNameOf } from '../../modem/at-command-line.js'
import type { Exchange } from '../../at/chat-types.js'
import type { Step } from '../../model/sequence.js'
import type { AttemptResult } from '../attempt.js'
import {
  isAbortFor,
  judgeBroker,
  judgeExchangeEnd,
  judgeForbidden,
  judgeLines,
  judgeUrcs,
  passJudging,
  type Judging,
} from '../judge-window.js'
import { describeExpectations, renderExpectations, renderText } from '../render-step.js'
import type { RunContext } from '../run-context.js'
import { stepTimeoutMs, urcWindowMs } from '../timeouts.js'
import { describeServerChecks, judgeServer } from '../judge-server.js'
import { describeRawBytes, isOnlineData, judgeRaw, renderRawBytes } from '../judge-raw.js'

/** Writes the step's bytes; an exchange with its final result code, or undefined when nothing answers them. */
type Write = (opts: {
  timeoutMs: number
  signal: AbortSignal
  isAbort: (line: string) => boolean
  settleMs?: number
}) => Promise<Exchange | undefined>

/** Runs a `send` step: the command line, as one write. */
export function executeSend(step: Step, ctx: RunContext): Promise<AttemptResult> {
  if (step.action.kind !== 'send') throw new TypeError(`executeSend got a ${step.action.kind} step`)
  const command = renderText(step.action.command, ctx)
  return executeExchange(step, ctx, opts => ctx.chat.command(command, opts), command)
}

/** Runs a `data` step: the prompt data as exact bytes, ended as the step says. */
export function executeData(step: Step, ctx: RunContext): Promise<AttemptResult> {
  const action = step.action
  if (action.kind !== 'data') throw new TypeError(`executeData got a ${action.kind} step`)
  const text = renderText(action.data, ctx)
  const bytes = action.encoding === 'hex' ? Buffer.from(text.replace(/\s+/g, ''), 'hex') : Buffer.from(text, 'utf8')
  // Raw bytes and no final result code: data in online data mode (a transparent socket), which nothing answers.
  if (isOnlineData(step)) return executeExchange(step, ctx, async () => void (await ctx.chat.writeRaw(bytes)))
  return executeExchange(step, ctx, opts => ctx.chat.sendData(bytes, { ...opts, end: action.end }))
}

async function executeExchange(step: Step, ctx: RunContext, write: Write, command?: string): Promise<AttemptResult> {
  const resultUrcName = command === undefined ? undefined : resultUrcNameOf(command)
  const expectations = renderExpectations(step, ctx)
  const raw = renderRawBytes(step, ctx)
  const window = ctx.chat.openWindow()
  const sinceEpochMs = Date.now()
  const judging: Judging = {
    step,
    ctx,
    window,
    expectations,
    expected: [
      ...describeExpectations(expectations, !isOnlineData(step)),
      ...describeRawBytes(raw, ctx),
      ...describeServerChecks(step, ctx),
    ],
    deadlineMs: window.startedAtMs + urcWindowMs(step, ctx),
    ...(resultUrcName === undefined ? {} : { resultUrcName }),
    ...(command === undefined ? {} : { command }),
  }
  try {
    const settle = ctx.sequence.settleMs === undefined ? {} : { settleMs: ctx.sequence.settleMs }
    const exchange = await write({
      timeoutMs: stepTimeoutMs(step, ctx),
      signal: ctx.signal,
      isAbort: isAbortFor(ctx, expectations),
      ...settle,
    })
    const ending = exchange === undefined ? undefined : judgeExchangeEnd(judging, exchange)
    if (ending) return ending
    const rawProblem = await judgeRaw(judging, raw)
    if (rawProblem) return rawProblem
    const lines = await judgeLines(judging, true)
    if (isAttempt(lines)) return lines
    const urcs = await judgeUrcs(judging)
    if (isAttempt(urcs)) return urcs
    const problem = judgeForbidden(judging) ?? (await judgeBroker(judging, sinceEpochMs)) ?? (await judgeServer(judging, sinceEpochMs))
    return problem ?? passJudging(judging, { ...lines, ...urcs })
  } finally {
    window.close()
  }
}

/** Tells a finished attempt from a set of captures. */
export function isAttempt(value: AttemptResult | Record<string, string>): value is AttemptResult {
  return typeof (value as AttemptResult).status === 'string' && Array.isArray((value as AttemptResult).expected)
}
