/**
 * A scripted modem for tests, after Zephyr's mock transport: "when you receive X, reply Y".
 * Replies leave in chunks of at most `maxChunkBytes`, so every test sees split input.
 */
import type { ModemPeer } from '../../src/model/modem-peer.js'

export type Reply = string | Buffer | ((matched: string) => string | Buffer)

export interface ScriptRule {
  /** Bytes the host must have written (anywhere in what it has written and not yet consumed). */
  when: string | Buffer | RegExp
  reply: Reply
  /** The rule fires once, then is removed. */
  once?: boolean
}

export interface ScriptedPeerOptions {
  rules?: ScriptRule[]
  /** Largest chunk sent to the host at a time; default 3 bytes. */
  maxChunkBytes?: number
  /** Echo every received byte back first (ATE1). */
  echo?: boolean
}

export class ScriptedPeer implements ModemPeer {
  readonly #rules: ScriptRule[]
  readonly #maxChunkBytes: number
  readonly #echo: boolean
  #inbox = Buffer.alloc(0)
  #sendToHost: ((bytes: Buffer) => void) | undefined
  #dropLink: ((cause: string) => void) | undefined
  /** Every host write, as delivered. */
  readonly writes: Buffer[] = []
  isDetached = false

  constructor(options: ScriptedPeerOptions = {}) {
    this.#rules = [...(options.rules ?? [])]
    this.#maxChunkBytes = options.maxChunkBytes ?? 3
    this.#echo = options.echo ?? false
  }

  /** Adds a rule: when the host has written `when`, reply with `reply`. */
  on(when: ScriptRule['when'], reply: Reply, options: { once?: boolean } = {}): this {
    this.#rules.push({ when, reply, ...options })
    return this
  }

  attach(sendToHost: (bytes: Buffer) => void, dropLink: (cause: string) => void): void {
    this.#sendToHost = sendToHost
    this.#dropLink = dropLink
  }

  receive(bytes: Buffer): void {
    this.writes.push(Buffer.from(bytes))
    if (this.#echo) this.send(bytes)
    this.#inbox = Buffer.concat([this.#inbox, bytes])
    while (this.#fireFirstRule()) {
      /* each pass consumes input, so this ends */
    }
  }

  async detach(): Promise<void> {
    this.isDetached = true
    this.#sendToHost = undefined
  }

  /** Sends bytes to the host now (a URC, a reply), in chunks of at most `maxChunkBytes`. */
  send(bytes: string | Buffer): void {
    const all = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes
    for (let at = 0; at < all.length; at += this.#maxChunkBytes) this.#sendToHost?.(all.subarray(at, at + this.#maxChunkBytes))
  }

  /** Ends the link from the modem's side (cable pulled). */
  dropLink(cause: string): void {
    this.#dropLink?.(cause)
  }

  /** Everything the host wrote, as one buffer. */
  get written(): Buffer {
    return Buffer.concat(this.writes)
  }

  #fireFirstRule(): boolean {
    for (const rule of this.#rules) {
      const match = findMatch(this.#inbox, rule.when)
      if (match === undefined) continue
      this.#inbox = this.#inbox.subarray(match.end)
      if (rule.once === true) this.#rules.splice(this.#rules.indexOf(rule), 1)
      this.send(typeof rule.reply === 'function' ? rule.reply(match.text) : rule.reply)
      return true
    }
    return false
  }
}

function findMatch(inbox: Buffer, when: ScriptRule['when']): { end: number; text: string } | undefined {
  if (when instanceof RegExp) {
    const text = inbox.toString('latin1')
    const found = when.exec(text)
    return found === null ? undefined : { end: found.index + found[0].length, text: found[0] }
  }
  const needle = typeof when === 'string' ? Buffer.from(when, 'utf8') : when
  const at = inbox.indexOf(needle)
  return at === -1 ? undefined : { end: at + needle.length, text: needle.toString('utf8') }
}

/** Connects a peer to a byte stream (the far end of a pty or a TCP socket), as a real modem would sit there. */
export function connectPeerToStream(
  peer: ModemPeer,
  stream: { write(bytes: Buffer): unknown; on(event: 'data', listener: (chunk: Buffer) => void): unknown },
  onDrop: (cause: string) => void = () => {},
): void {
  peer.attach(bytes => {
    stream.write(Buffer.from(bytes))
  }, onDrop)
  stream.on('data', chunk => peer.receive(chunk))
}
