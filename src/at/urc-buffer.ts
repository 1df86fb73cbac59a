/**
 * The URC buffer and the claim ledger: unconsumed URCs (and the payloads of payload URCs) in
 * arrival order, the waiters that take them, and which received lines an expectation has claimed.
 *
 * A line that satisfied one expectation is claimed, and a claimed line never satisfies another:
 * claiming a buffered URC removes it from the buffer.
 */
import type { ChatLine } from './chat-types.js'

export interface UrcTaker {
  matches: (urc: ChatLine) => boolean
  take: (urc: ChatLine) => void
}

/** URCs nobody claimed, oldest dropped first past `maxBytes` so a chatty modem cannot fill memory. */
export class UrcBuffer {
  #lines: ChatLine[] = []
  #bytes = 0
  #takers = new Set<UrcTaker>()
  readonly #claimed = new WeakSet<ChatLine>()
  readonly #listed = new WeakSet<ChatLine>()

  /** `maxBytes`: the most URC bytes kept (default unbounded). */
  constructor(readonly maxBytes = Number.POSITIVE_INFINITY) {}

  /** Adds a URC; the first waiting taker it matches claims it, otherwise it stays buffered. */
  push(urc: ChatLine): void {
    for (const taker of this.#takers) {
      if (taker.matches(urc)) {
        this.#takers.delete(taker)
        this.#claimed.add(urc)
        taker.take(urc)
        return
      }
    }
    this.#lines.push(urc)
    this.#bytes += sizeOf(urc)
    while (this.#bytes > this.maxBytes && this.#lines.length > 1) this.#bytes -= sizeOf(this.#lines.shift() as ChatLine)
  }

  /** Removes, claims and returns the oldest buffered URC that matches, if any. */
  takeFirst(matches: (urc: ChatLine) => boolean): ChatLine | undefined {
    const index = this.#lines.findIndex(matches)
    if (index === -1) return undefined
    const urc = this.#lines.splice(index, 1)[0] as ChatLine
    this.#claimed.add(urc)
    this.#bytes -= sizeOf(urc)
    return urc
  }

  /** Claims a received line for one expectation; false when another expectation already has it. */
  claim(line: ChatLine): boolean {
    if (this.#claimed.has(line)) return false
    this.#claimed.add(line)
    const index = this.#lines.indexOf(line)
    if (index !== -1) {
      this.#lines.splice(index, 1)
      this.#bytes -= sizeOf(line)
    }
    return true
  }

  isClaimed(line: ChatLine): boolean {
    return this.#claimed.has(line)
  }

  /** Records that a line was shown as an unexpected URC, so later steps do not list it again. */
  markListed(line: ChatLine): void {
    this.#listed.add(line)
  }

  wasListed(line: ChatLine): boolean {
    return this.#listed.has(line)
  }

  /** Registers a taker for URCs that arrive from now on. */
  addTaker(taker: UrcTaker): void {
    this.#takers.add(taker)
  }

  removeTaker(taker: UrcTaker): void {
    this.#takers.delete(taker)
  }

  /** Removes and returns every buffered URC. */
  takeAll(): ChatLine[] {
    const lines = this.#lines
    this.#lines = []
    this.#bytes = 0
    return lines
  }

  peek(): readonly ChatLine[] {
    return this.#lines
  }

  get takerCount(): number {
    return this.#takers.size
  }
}

function sizeOf(line: ChatLine): number {
  return line.bytes?.length ?? line.text.length
}
