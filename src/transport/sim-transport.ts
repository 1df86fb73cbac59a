/**
 * The in-process link to a ModemPeer: host writes go to the peer as written; the peer's bytes
 * come back as `data` events, each on its own microtask (like a real link, never inside the
 * host's write call, and never merged or delayed by a timer).
 */
import type { ModemPeer } from '../model/modem-peer.js'
import { LinkEvents } from './link-events.js'
import type { Transport } from '../model/transport.js'
import { TransportError } from './transport-error.js'

export class SimTransport extends LinkEvents implements Transport {
  readonly url: string
  readonly settings: Record<string, string | number | boolean>
  readonly #peer: ModemPeer
  #state: 'new' | 'open' | 'closed' = 'new'

  constructor(url: string, profile: string, peer: ModemPeer) {
    super()
    this.url = url
    this.settings = { profile }
    this.#peer = peer
  }

  async open(): Promise<void> {
    if (this.#state !== 'new') throw new TransportError('open-failed', this.url, `${this.url} was already opened`)
    this.#state = 'open'
    this.#peer.attach(
      bytes => this.#deliver(Buffer.from(bytes)),
      cause => queueMicrotask(() => this.#dropFromPeer(cause)),
    )
  }

  async write(bytes: Buffer): Promise<void> {
    if (this.#state !== 'open' || this.drop !== undefined) throw new TransportError('not-open', this.url, `${this.url} is not open`)
    try {
      this.#peer.receive(Buffer.from(bytes))
    } catch (error) {
      // A failing simulated modem is a dead link, as a crashed modem would be.
      queueMicrotask(() => this.#dropFromPeer(`simulated modem failed: ${error instanceof Error ? error.message : String(error)}`))
    }
  }

  async close(): Promise<void> {
    if (this.#state !== 'open') return
    this.#state = 'closed'
    await this.#peer.detach()
  }

  #deliver(chunk: Buffer): void {
    queueMicrotask(() => {
      if (this.#state === 'open' && this.drop === undefined) this.emitData(chunk)
    })
  }

  #dropFromPeer(cause: string): void {
    if (this.#state === 'open') this.emitDrop({ cause })
  }
}
