/**
 * The event half of a Transport: `data` listeners and a `drop` emitted at most once.
 */
import type { LinkDrop, TransportEvents } from '../model/transport.js'

type Listeners = { [E in keyof TransportEvents]: Set<TransportEvents[E]> }

export class LinkEvents {
  readonly #listeners: Listeners = { data: new Set(), drop: new Set() }
  #drop: LinkDrop | undefined

  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this {
    ;(this.#listeners[event] as Set<TransportEvents[E]>).add(listener)
    return this
  }

  off<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this {
    ;(this.#listeners[event] as Set<TransportEvents[E]>).delete(listener)
    return this
  }

  /** The drop, once it happened. */
  get drop(): LinkDrop | undefined {
    return this.#drop
  }

  protected emitData(chunk: Buffer): void {
    for (const listener of this.#listeners.data) listener(chunk)
  }

  /** Emits `drop` once; later calls are ignored. */
  protected emitDrop(drop: LinkDrop): void {
    if (this.#drop !== undefined) return
    this.#drop = drop
    for (const listener of this.#listeners.drop) listener(drop)
  }
}
