/**
 * A far-side server the test drives, for the executor's `serve:` and `server:` steps: `receive()` records an event
 * (that arrived `ageMs` ago) and tells the waits listening, `acts` lists what steps asked of it, and `onAct` lets a
 * test answer an action (a URC the modem then sends, an error).
 */
import type { FarSideServer, ServerAction, ServerEvent, ServerName } from '../../src/model/server-link.js'

export class FakeFarSide implements FarSideServer {
  readonly acts: ServerAction[] = []
  readonly #events: ServerEvent[] = []
  readonly #listeners = new Set<(event: ServerEvent) => void>()
  constructor(
    readonly names: readonly ServerName[],
    private readonly onAct: (action: ServerAction) => void = () => undefined,
  ) {}
  events(): readonly ServerEvent[] {
    return this.#events
  }
  onEvent(listener: (event: ServerEvent) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }
  async act(action: ServerAction): Promise<void> {
    this.acts.push(action)
    this.onAct(action)
  }
  receive(event: Omit<ServerEvent, 'atMs'>, ageMs = 0): void {
    const full = { ...event, atMs: Date.now() - ageMs }
    this.#events.push(full)
    for (const listener of this.#listeners) listener(full)
  }
  /** Bytes on TCP connection 1. */
  tcp(text: string, ageMs = 0): void {
    this.receive({ server: 'tcp', kind: 'bytes', connection: 1, body: Buffer.from(text) }, ageMs)
  }
  get listenerCount(): number {
    return this.#listeners.size
  }
}
