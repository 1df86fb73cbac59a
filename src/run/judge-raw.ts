/**
 * `expect: { raw: ... }`: bytes that must arrive in the step's window as they come, framed into lines or not. In
 * online data mode (transparent sockets) the peer's bytes reach the host with no line end, so no line matcher
 * can see them; a raw expectation reads the received byte stream itself.
 */
import type { Step } from '../model/sequence.js'
import { errored, failed, type AttemptResult } from './attempt.js'
import { evidenceOf, type Judging } from './judge-window.js'
import { renderText } from './render-step.js'
import type { RunContext } from './run-context.js'

/** Whether a step writes data in online data mode: raw bytes expected, no final result code, no Ctrl-Z or ESC. */
export function isOnlineData(step: Step): boolean {
  return step.action.kind === 'data' && step.action.end === 'none' && step.raw !== undefined && step.final === undefined
}

/** The step's raw expectations as bytes (UTF-8). */
export function renderRawBytes(step: Step, ctx: RunContext): Buffer[] {
  return (step.raw ?? []).map(template => Buffer.from(renderText(template, ctx), 'utf8'))
}

/** The raw expectations as the Expected column shows them: `raw: "hello"`. */
export function describeRawBytes(raw: Buffer[], ctx: RunContext): string[] {
  return raw.map(bytes => `raw: ${JSON.stringify(ctx.masker.mask(bytes.toString('utf8')))}`)
}

/**
 * Waits until each of `raw` arrived in the window (until the step's deadline). Once they have, an unfinished line
 * they are part of is dropped from framing, so that the next line end does not turn them into a line of a later step.
 * An unfinished line that starts after them (the head of a URC that came with the OK) is left to be framed whole.
 */
export async function judgeRaw(judging: Judging, raw: Buffer[]): Promise<AttemptResult | undefined> {
  const { ctx, window } = judging
  for (const bytes of raw) {
    const timeoutMs = Math.max(0, judging.deadlineMs - ctx.recorder.elapsedMs())
    if (await window.waitForBytes(bytes, { timeoutMs, signal: ctx.signal })) continue
    if (ctx.signal.aborted) return errored(evidenceOf(judging), 'interrupted', 'interrupted by the user', 'interrupted')
    const wanted = ctx.masker.mask(bytes.toString('utf8'))
    return failed(evidenceOf(judging), 'missing-bytes', `expected bytes ${JSON.stringify(wanted)}, got ${describeReceived(judging)}`)
  }
  if (raw.length > 0 && unfinishedLineHoldsRaw(judging, raw)) ctx.chat.dropUnfinishedLine()
  return undefined
}

/** A reason quotes at most this many characters of what came; the transcript has the rest. */
const MAX_QUOTED_CHARS = 200

/** What the window received, quoted whole when short, else its length and its end (masked before it is cut). */
function describeReceived({ ctx, window }: Judging): string {
  const bytes = window.receivedBytes()
  const text = ctx.masker.mask(bytes.toString('utf8'))
  if (text.length <= MAX_QUOTED_CHARS) return JSON.stringify(text)
  return `${bytes.length} bytes ending ${JSON.stringify(text.slice(-MAX_QUOTED_CHARS))}`
}

function unfinishedLineHoldsRaw({ ctx, window }: Judging, raw: Buffer[]): boolean {
  const rawEnd = Math.max(...raw.map(bytes => window.endOfBytes(bytes) ?? 0))
  return window.receivedBytes().length - ctx.chat.unfinishedBytes < rawEnd
}
