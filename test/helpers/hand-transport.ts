/** A transport a test drives by hand, byte by byte, with no modem behind it. */
import type { LinkDrop, Transport, TransportEvents } from '../../src/model/transport.js'

/** A transport the test drives by hand: `receive` plays the modem, `dropLink` pulls the cable. */
export class HandTransport implements Transport {
  readonly url = 'hand://'
  readonly settings = {}
  readonly writes: Buffer[] = []
  /** Makes every write fail as a gone device does. */
  failWrites = false
  readonly #data = new Set<(chunk: Buffer) => void>()
  readonly #drop = new Set<(drop: LinkDrop) => void>()
  async open(): Promise<void> {}
  async write(bytes: Buffer): Promise<void> {
    if (this.failWrites) throw new Error('EIO')
    this.writes.push(Buffer.from(bytes))
  }
  async close(): Promise<void> {}
  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this {
    if (event === 'data') this.#data.add(listener as (chunk: Buffer) => void)
    else this.#drop.add(listener as (drop: LinkDrop) => void)
    return this
  }
  off<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this {
    this.#data.delete(listener as (chunk: Buffer) => void)
    this.#drop.delete(listener as (drop: LinkDrop) => void)
    return this
  }
  /** Delivers bytes as the modem would send them; text is taken as latin1, one byte a character. */
  receive(data: string | Buffer): void {
    const chunk = typeof data === 'string' ? Buffer.from(data, 'latin1') : data
    for (const listener of this.#data) listener(chunk)
  }
  dropLink(cause: string): void {
    for (const listener of this.#drop) listener({ cause })
  }
}
