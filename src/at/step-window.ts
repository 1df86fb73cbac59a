/**
 * Everything the modem said while one step ran, as the chat engine hands it to a judge:
 * the lines the step may still claim, what it claimed, and the URCs nobody claimed.
 */
import type { ChatLine, UrcWait, WaitOptions } from './chat-types.js'
import type { UrcBuffer } from './urc-buffer.js'
import { startWait } from './wait.js'

/** A line a step shows as received: anything but a late answer to an earlier command (that is shown under its own step). */
export type ShownLine = ChatLine & { kind: Exclude<ChatLine['kind'], 'late'> }

/** What a window needs from its chat. */
export interface WindowSource {
  ledger: UrcBuffer
  now: () => number
  onLine: (listener: (line: ChatLine) => void) => () => void
  /** Every received chunk, framed or not. */
  onBytes: (listener: (bytes: Buffer) => void) => () => void
  waitForUrc: (matches: (urc: ChatLine) => boolean, options: WaitOptions) => Promise<UrcWait>
}

export interface WindowOptions {
  /** URCs that arrived earlier and that nothing claimed count too (for `wait` steps). */
  includeBuffered?: boolean
}

const JUDGED_KINDS = new Set<ChatLine['kind']>(['response', 'urc', 'payload'])

/** Lines received between `open` and `close`, in arrival order; open one with `chat.openWindow()`. */
export class StepWindow {
  readonly #source: WindowSource
  readonly #lines: ChatLine[] = []
  readonly #own = new Set<ChatLine>()
  #bytes = Buffer.alloc(0)
  #unsubscribe: (() => void) | undefined
  readonly #byteWaiters = new Set<() => void>()
  /** When the window opened (chat clock, ms). */
  readonly startedAtMs: number
  /** Lines received at or after this time (chat clock) may satisfy the step. */
  readonly acceptsFromMs: number

  constructor(source: WindowSource, options: WindowOptions = {}) {
    this.#source = source
    this.startedAtMs = source.now()
    this.acceptsFromMs = options.includeBuffered === true ? Number.NEGATIVE_INFINITY : this.startedAtMs
    if (options.includeBuffered === true) this.#lines.push(...source.ledger.peek())
    const stopLines = source.onLine(line => this.#lines.push(line))
    const stopBytes = source.onBytes(bytes => {
      this.#bytes = Buffer.concat([this.#bytes, bytes])
      for (const wake of this.#byteWaiters) wake()
    })
    this.#unsubscribe = () => {
      stopLines()
      stopBytes()
    }
  }

  /** The bytes received since the window opened, as they came (line ends and payloads included). */
  receivedBytes(): Buffer {
    return this.#bytes
  }

  /** Where the first `needle` among the received bytes ends (an offset into `receivedBytes()`), or undefined. */
  endOfBytes(needle: Buffer): number | undefined {
    const at = this.#bytes.indexOf(needle)
    return at === -1 ? undefined : at + needle.length
  }

  /** Resolves true once `needle` is among the received bytes, false on timeout or cancel. */
  waitForBytes(needle: Buffer, options: WaitOptions): Promise<boolean> {
    const check = (): void => {
      if (this.#bytes.includes(needle)) wait.finish(true)
    }
    // Added before the wait starts: one whose signal is already aborted ends, and removes it, inside startWait.
    this.#byteWaiters.add(check)
    const wait = startWait<boolean>({
      timeoutMs: options.timeoutMs,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      onTimeout: () => false,
      onCancel: () => false,
      cleanup: () => this.#byteWaiters.delete(check),
    })
    check()
    return wait.promise
  }

  /** Stops collecting and marks the URCs it would list as listed; idempotent. */
  close(): void {
    if (this.#unsubscribe === undefined) return
    this.#unsubscribe()
    this.#unsubscribe = undefined
    for (const line of this.#unclaimedUrcs()) this.#source.ledger.markListed(line)
  }

  /** Claims a line for this step's expectation; false when another expectation (or step) has it. */
  claim(line: ChatLine): boolean {
    if (this.#own.has(line)) return true
    if (!this.#source.ledger.claim(line)) return false
    this.#own.add(line)
    return true
  }

  /** Waits for a URC the window accepts; the URC it returns is claimed by this step. */
  async waitForUrc(matches: (urc: ChatLine) => boolean, options: WaitOptions): Promise<UrcWait> {
    const wait = await this.#source.waitForUrc(urc => urc.atMs >= this.acceptsFromMs && matches(urc), options)
    if (wait.urc !== undefined) this.#own.add(wait.urc)
    return wait
  }

  /** Lines an `expect` matcher may still use: responses, URCs and payloads nobody else claimed. */
  judgedLines(): ChatLine[] {
    return this.arrivedLines().filter(line => this.#own.has(line) || !this.#source.ledger.isClaimed(line))
  }

  /** Every response, URC and payload in the window, claimed or not (what a `not:` matcher is judged on). */
  arrivedLines(): ChatLine[] {
    return this.#lines.filter(line => JUDGED_KINDS.has(line.kind))
  }

  /** The step's "Received" column: its lines, less earlier URCs another step already showed, and never late answers. */
  received(): ShownLine[] {
    return this.#lines.filter(
      (line): line is ShownLine => line.kind !== 'late' && (this.#own.has(line) || !this.#source.ledger.wasListed(line)),
    )
  }

  /** URCs (and their payloads) that arrived in the window, that nothing claimed and no earlier step listed. */
  unexpectedUrcs(): ChatLine[] {
    return this.#unclaimedUrcs().filter(line => !this.#source.ledger.wasListed(line))
  }

  #unclaimedUrcs(): ChatLine[] {
    return this.#lines.filter(line => (line.kind === 'urc' || line.kind === 'payload') && !this.#source.ledger.isClaimed(line))
  }
}
