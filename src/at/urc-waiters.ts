/**
 * The URC waits in progress: each takes the oldest buffered match or the next one to arrive,
 * and ends early on an abort line, a drop or a cancel, always through its single `finish`.
 */
import type { ChatLine, UrcWait, WaitOptions } from './chat-types.js'
import type { UrcBuffer, UrcTaker } from './urc-buffer.js'
import { describeAbortReason, describeTimeout, startWait, type Wait } from './wait.js'

interface RunningUrcWait {
  startedAtMs: number
  isAbort?: (line: string) => boolean
  wait: Wait<UrcWait>
}

export class UrcWaiters {
  readonly #waits = new Set<RunningUrcWait>()

  constructor(
    private readonly urcs: UrcBuffer,
    private readonly clock: () => number,
  ) {}

  /** Waits for a URC: the oldest buffered match first, then new ones; `dropCause` ends it at once. */
  wait(matches: (urc: ChatLine) => boolean, options: WaitOptions, dropCause: string | undefined): Promise<UrcWait> {
    const startedAtMs = this.clock()
    const buffered = this.urcs.takeFirst(matches)
    if (buffered !== undefined) return Promise.resolve({ outcome: 'matched', urc: buffered, startedAtMs, endedAtMs: startedAtMs })
    if (dropCause !== undefined) return Promise.resolve({ outcome: 'dropped', cause: dropCause, startedAtMs, endedAtMs: startedAtMs })
    return this.#start(matches, options, startedAtMs)
  }

  /** Ends every wait whose abort test accepts this line. */
  abortOn(line: ChatLine): void {
    for (const entry of [...this.#waits]) {
      if (entry.isAbort?.(line.text) === true) {
        entry.wait.finish(this.#end(entry, 'aborted', { cause: `abort line: ${line.text}`, abortLine: line.text }))
      }
    }
  }

  /** Ends every wait with `outcome` (a drop, a detach, too much data). */
  endAll(outcome: 'dropped' | 'cancelled' | 'overflow', cause: string): void {
    for (const entry of [...this.#waits]) entry.wait.finish(this.#end(entry, outcome, { cause }))
  }

  #start(matches: (urc: ChatLine) => boolean, options: WaitOptions, startedAtMs: number): Promise<UrcWait> {
    const entry = { startedAtMs, isAbort: options.isAbort } as RunningUrcWait
    const taker: UrcTaker = { matches, take: urc => entry.wait.finish(this.#end(entry, 'matched', { urc })) }
    entry.wait = startWait<UrcWait>({
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      onTimeout: () => this.#end(entry, 'timeout', { cause: describeTimeout('no matching URC', options.timeoutMs) }),
      onCancel: () => this.#end(entry, 'cancelled', { cause: describeAbortReason(options.signal) }),
      cleanup: () => {
        this.urcs.removeTaker(taker)
        this.#waits.delete(entry)
      },
    })
    if (!entry.wait.isDone) {
      this.urcs.addTaker(taker)
      this.#waits.add(entry)
    }
    return entry.wait.promise
  }

  #end(entry: RunningUrcWait, outcome: UrcWait['outcome'], end: { urc?: ChatLine; cause?: string; abortLine?: string }): UrcWait {
    return { outcome, ...end, startedAtMs: entry.startedAtMs, endedAtMs: this.clock() }
  }
}
