/**
 * How much a modem may send for one step or exchange before atseq stops keeping it: past the
 * limit, received bytes are counted and dropped until the next step, so memory stays bounded.
 */

/** Default bytes kept for one step's window or one exchange: 16 MiB. */
export const DEFAULT_MAX_STEP_BYTES = 16 * 1024 * 1024

/** Default most lines kept for one step's window or one exchange: each line costs far more than its bytes. */
export const DEFAULT_MAX_STEP_LINES = 10_000

/** Default longest line kept, in bytes: 1 MiB. */
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024

const MIB = 1024 * 1024

/** What to do with a received chunk: keep it, or drop it (`overflow` for the one that passed the limit). */
export type BudgetVerdict = 'keep' | 'overflow' | 'drop'

export class ReceiveBudget {
  #bytes = 0
  #lines = 0
  #droppedBytes = 0
  #cause: string | undefined

  constructor(
    readonly maxBytes: number,
    readonly maxLines: number,
  ) {}

  /** Why the budget is spent (`more than 16 MiB`), or undefined while bytes are kept. */
  get cause(): string | undefined {
    return this.#cause
  }

  /** Counts a received chunk against the budget. */
  take(length: number): BudgetVerdict {
    if (this.#cause !== undefined) {
      this.#droppedBytes += length
      return 'drop'
    }
    this.#bytes += length
    if (this.#bytes <= this.maxBytes) return 'keep'
    this.#cause = `more than ${describeBytes(this.maxBytes)}`
    this.#droppedBytes += length
    return 'overflow'
  }

  /** Counts a framed line or payload; false once there are more than `maxLines` (the budget is then spent). */
  takeLine(): boolean {
    this.#lines += 1
    if (this.#lines <= this.maxLines) return true
    this.#cause ??= `more than ${this.maxLines} lines`
    return false
  }

  /** Spends the budget for another reason (a line past its limit). */
  exceed(cause: string): void {
    this.#cause ??= cause
  }

  /** Starts a fresh budget; returns what the spent one dropped, if it was spent. */
  reset(): { cause: string; droppedBytes: number } | undefined {
    const spent = this.#cause === undefined ? undefined : { cause: this.#cause, droppedBytes: this.#droppedBytes }
    this.#bytes = 0
    this.#lines = 0
    this.#droppedBytes = 0
    this.#cause = undefined
    return spent
  }
}

/** `16 MiB` for whole mebibytes, `1500 bytes` otherwise. */
export function describeBytes(bytes: number): string {
  return bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`
}
