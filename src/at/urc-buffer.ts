/**
 * The URC buffer: unconsumed URCs (and the payloads of payload URCs) in arrival order,
 * and the waiters that take them.
 */
import type { ChatLine } from './chat-types.js'

export interface UrcTaker {
  matches: (urc: ChatLine) => boolean
  take: (urc: ChatLine) => void
}

export class UrcBuffer {
  #lines: ChatLine[] = []
  #takers = new Set<UrcTaker>()

  /** Adds a URC; the first waiting taker it matches consumes it, otherwise it stays buffered. */
  push(urc: ChatLine): void {
    for (const taker of this.#takers) {
      if (taker.matches(urc)) {
        this.#takers.delete(taker)
        taker.take(urc)
        return
      }
    }
    this.#lines.push(urc)
  }

  /** Removes and returns the oldest buffered URC that matches, if any. */
  takeFirst(matches: (urc: ChatLine) => boolean): ChatLine | undefined {
    const index = this.#lines.findIndex(matches)
    if (index === -1) return undefined
    return this.#lines.splice(index, 1)[0]
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
    return lines
  }

  peek(): readonly ChatLine[] {
    return this.#lines
  }

  get takerCount(): number {
    return this.#takers.size
  }
}
