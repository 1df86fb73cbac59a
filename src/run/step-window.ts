/**
 * Everything the modem said while one step ran: the lines it is judged on, shown as
 * "Received" in the report, and the URCs nobody asked for.
 */
import type { ChatLine } from '../at/chat-types.js'
import type { ReceivedLine } from '../model/run-record.js'
import type { RunContext } from './run-context.js'

/** Lines received between `open` and `close`, in arrival order. */
export class StepWindow {
  private readonly lines: ChatLine[] = []
  private readonly usedUrcs = new Set<ChatLine>()
  private unsubscribe: (() => void) | undefined
  readonly startedAtMs: number
  /** Lines received at or after this time (chat clock) may satisfy the step. */
  readonly acceptsFromMs: number

  /** With `includeBuffered`, URCs that arrived earlier and that nothing used count too (for `wait` steps). */
  constructor(
    private readonly ctx: RunContext,
    options: { includeBuffered?: boolean } = {},
  ) {
    this.startedAtMs = ctx.recorder.elapsedMs()
    this.acceptsFromMs = options.includeBuffered ? Number.NEGATIVE_INFINITY : this.startedAtMs
    if (options.includeBuffered) this.lines.push(...ctx.chat.peekUrcs())
    this.unsubscribe = ctx.chat.onLine(line => this.lines.push(line))
  }

  /** Stops collecting; idempotent. */
  close(): void {
    this.unsubscribe?.()
    this.unsubscribe = undefined
  }

  /** Marks a URC as used by an expectation, so it is not listed as unexpected. */
  markUsed(line: ChatLine): void {
    this.usedUrcs.add(line)
  }

  /** Lines a `expect`/`not` matcher is judged on: responses, URCs and payloads (not echo or prompt). */
  judgedLines(): ChatLine[] {
    return this.lines.filter(line => line.kind === 'response' || line.kind === 'urc' || line.kind === 'payload')
  }

  /** The step's "Received" column, masked. */
  received(): ReceivedLine[] {
    return this.lines.map(line => ({
      atMs: line.atMs,
      kind: line.kind,
      text: this.ctx.masker.mask(line.text),
    }))
  }

  /** URCs (and their payloads) that arrived in the window and that no expectation used. */
  unexpectedUrcs(): string[] {
    return this.lines
      .filter(line => (line.kind === 'urc' || line.kind === 'payload') && !this.usedUrcs.has(line))
      .map(line => this.ctx.masker.mask(line.text))
  }
}
