/**
 * Framing: received bytes -> lines, data prompts and payloads read by length.
 *
 * A state machine that keeps only the leftover of an unfinished line or payload, so
 * every way of splitting the same bytes into chunks yields the same events.
 */

/**
 * One framed unit of received bytes. Empty lines (the `\r\n` around every response) are not events.
 * `too-long` says a line passed `maxLineBytes`: it is dropped up to its line end, and nothing of it is kept.
 */
export type FrameEvent =
  | { kind: 'line'; text: string; bytes: Buffer }
  | { kind: 'prompt'; text: string }
  | { kind: 'payload'; text: string; bytes: Buffer }
  | { kind: 'too-long'; limitBytes: number }

export interface FramerSettings {
  /** The prompt as it appears at the start of a line (`>`, `> `, `@`). */
  prompt: string
  /** For a line that announces a payload, the number of raw bytes that follow it. */
  payloadLengthOf: (line: string) => number | undefined
  /** For a line that announces one: its payload is the next line, whatever it says (`+CMT: ...` and the text). Default none. */
  isPayloadLineAnnounced?: (line: string) => boolean
  /** A line longer than this is dropped with a `too-long` event (bounds memory on a stream with no line end). Default 1 MiB. */
  maxLineBytes?: number
  /**
   * For the start of a line up to a `"` (`+QMTRECV: 0,1,"t",5,"`), how many raw bytes that follow still belong to
   * the line, CR and LF included. Asked only within a line's first 4 KiB. Unset: a line ends at the first CR or LF.
   */
  inLinePayloadLengthOf?: (lineSoFar: string) => number | undefined
}

const CR = 0x0d
const LF = 0x0a
const SPACE = 0x20
const QUOTE = 0x22
const DEFAULT_MAX_LINE_BYTES = 1024 * 1024
/** Quotes are looked at only in the first this-many bytes of a line (a `+QMTRECV` header with its topic fits). */
const MAX_IN_LINE_HEADER_BYTES = 4096

/** Frames one direction of an AT byte stream; `push` each received chunk as it arrives. */
export class AtFramer {
  readonly #prompt: Buffer
  readonly #promptEndsWithSpace: boolean
  readonly #payloadLengthOf: (line: string) => number | undefined
  readonly #maxLineBytes: number
  readonly #isPayloadLineAnnounced: (line: string) => boolean
  /** The line being read is the payload the previous line announced. */
  #isPayloadLine = false
  readonly #inLinePayloadLengthOf: ((lineSoFar: string) => number | undefined) | undefined
  /** Raw bytes of an in-line payload still to come; they are appended to the line whatever they are. */
  #inLineLeft: number | undefined
  /** This line already had its in-line payload: later quotes are plain bytes. */
  #hadInLinePayload = false
  #line: Buffer[] = []
  #lineBytes = 0
  /** The unfinished line so far equals the start of the prompt (true at every line start). */
  #maybePrompt = true
  /** The last line ended with CR: a LF right after it belongs to the same line end. */
  #skipLf = false
  /** A prompt just ended: one space after it is tolerated (a `> ` modem on a `>` profile). */
  #skipSpace = false
  #payloadLeft: number | undefined
  #payload: Buffer[] = []
  /** The line passed the limit: its bytes are skipped up to the line end. */
  #isDiscarding = false

  constructor(settings: FramerSettings) {
    this.#prompt = Buffer.from(settings.prompt, 'latin1')
    this.#promptEndsWithSpace = this.#prompt.at(-1) === SPACE
    this.#payloadLengthOf = settings.payloadLengthOf
    this.#maxLineBytes = settings.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES
    this.#isPayloadLineAnnounced = settings.isPayloadLineAnnounced ?? ((): boolean => false)
    this.#inLinePayloadLengthOf = settings.inLinePayloadLengthOf
  }

  /** Frames a received chunk; returns the events it completed, in order. Never throws on any bytes. */
  push(chunk: Buffer): FrameEvent[] {
    const events: FrameEvent[] = []
    let at = 0
    while (at < chunk.length) {
      if (this.#skipLf || this.#skipSpace) {
        at = this.#skipSeparator(chunk, at)
      } else if (this.#inLineLeft !== undefined) {
        at = this.#readInLinePayload(chunk, at, events)
      } else if (this.#payloadLeft !== undefined) {
        at = this.#readPayload(chunk, at, events)
      } else if (this.#maybePrompt) {
        at = this.#readPromptByte(chunk, at, events)
      } else {
        at = this.#readLine(chunk, at, events)
      }
    }
    return events
  }

  /** Bytes held back: an unfinished line or payload. */
  get pendingBytes(): number {
    return this.#payloadLeft === undefined ? this.#lineBytes : this.#payload.reduce((n, b) => n + b.length, 0)
  }

  #skipSeparator(chunk: Buffer, at: number): number {
    const byte = chunk[at]
    const skip = (this.#skipLf && byte === LF) || (this.#skipSpace && byte === SPACE)
    this.#skipLf = false
    this.#skipSpace = false
    return skip ? at + 1 : at
  }

  #readPayload(chunk: Buffer, at: number, events: FrameEvent[]): number {
    const left = this.#payloadLeft ?? 0
    const take = Math.min(left, chunk.length - at)
    this.#payload.push(Buffer.from(chunk.subarray(at, at + take)))
    this.#payloadLeft = left - take
    if (this.#payloadLeft === 0) this.#endPayload(events)
    return at + take
  }

  #endPayload(events: FrameEvent[]): void {
    const bytes = Buffer.concat(this.#payload)
    events.push({ kind: 'payload', text: bytes.toString('utf8'), bytes })
    this.#payload = []
    this.#payloadLeft = undefined
  }

  /** Compares one byte with the prompt; the prompt is at most a few bytes, so byte steps cost nothing. */
  #readPromptByte(chunk: Buffer, at: number, events: FrameEvent[]): number {
    const byte = chunk[at]
    if (byte !== this.#prompt[this.#lineBytes]) {
      this.#maybePrompt = false
      return at
    }
    this.#appendToLine(chunk.subarray(at, at + 1), events)
    if (this.#lineBytes === this.#prompt.length) {
      events.push({ kind: 'prompt', text: this.#prompt.toString('latin1') })
      this.#line = []
      this.#lineBytes = 0
      this.#skipSpace = !this.#promptEndsWithSpace
    }
    return at + 1
  }

  #readInLinePayload(chunk: Buffer, at: number, events: FrameEvent[]): number {
    const left = this.#inLineLeft ?? 0
    const take = Math.min(left, chunk.length - at)
    this.#appendToLine(chunk.subarray(at, at + take), events)
    const stillLeft = left - take
    this.#inLineLeft = stillLeft > 0 && !this.#isDiscarding ? stillLeft : undefined
    return at + take
  }

  /** Whether a `"` may open an in-line payload in the line being read. */
  #isWatchingQuotes(): boolean {
    // The header before an in-line payload is short; past that, asking at every quote would cost time quadratic in the line.
    const isHeaderShort = this.#lineBytes <= MAX_IN_LINE_HEADER_BYTES
    return this.#inLinePayloadLengthOf !== undefined && !this.#hadInLinePayload && !this.#isDiscarding && isHeaderShort
  }

  #readLine(chunk: Buffer, at: number, events: FrameEvent[]): number {
    const end = findLineEnd(chunk, at, this.#isWatchingQuotes())
    if (chunk[end] === QUOTE) return this.#readQuote(chunk, at, end, events)
    if (this.#isDiscarding) {
      if (end === -1) return chunk.length
      // The LF of a CR LF then ends an empty line, which frames to nothing: no need to skip it.
      this.#isDiscarding = false
      this.#maybePrompt = true
      return end + 1
    }
    if (end === -1) {
      this.#appendToLine(chunk.subarray(at), events)
      return chunk.length
    }
    this.#appendToLine(chunk.subarray(at, end), events)
    // An over-long line that ends in this chunk is over here too.
    this.#isDiscarding = false
    this.#endLine(events)
    this.#skipLf = chunk[end] === CR
    return end + 1
  }

  /** Takes the line up to and including a quote, then asks whether an in-line payload starts after it. */
  #readQuote(chunk: Buffer, at: number, quoteAt: number, events: FrameEvent[]): number {
    this.#appendToLine(chunk.subarray(at, quoteAt + 1), events)
    if (this.#isDiscarding) return quoteAt + 1
    const lineSoFar = Buffer.concat(this.#line).toString('utf8')
    const length = this.#inLinePayloadLengthOf?.(lineSoFar)
    if (length !== undefined) {
      this.#hadInLinePayload = true
      if (length > 0) this.#inLineLeft = length
    }
    return quoteAt + 1
  }

  #appendToLine(bytes: Buffer, events: FrameEvent[]): void {
    if (this.#lineBytes + bytes.length > this.#maxLineBytes) {
      // Keeping any of it would let one endless line grow without bound: drop it, say so once.
      events.push({ kind: 'too-long', limitBytes: this.#maxLineBytes })
      this.#line = []
      this.#lineBytes = 0
      this.#maybePrompt = false
      this.#isPayloadLine = false
      this.#isDiscarding = true
      this.#hadInLinePayload = false
      return
    }
    if (bytes.length === 0) return
    // Copy: the caller's chunk may be a pooled buffer that is reused after this call.
    this.#line.push(Buffer.from(bytes))
    this.#lineBytes += bytes.length
  }

  #endLine(events: FrameEvent[]): void {
    const bytes = this.#line.length === 1 ? (this.#line[0] as Buffer) : Buffer.concat(this.#line)
    this.#line = []
    this.#lineBytes = 0
    this.#maybePrompt = true
    this.#hadInLinePayload = false
    if (this.#isPayloadLine) {
      // The announced line may be empty (a message with no text) and is never a prompt, URC or result code.
      this.#isPayloadLine = false
      events.push({ kind: 'payload', text: bytes.toString('utf8'), bytes })
      return
    }
    if (bytes.length === 0) return
    const text = bytes.toString('utf8')
    events.push({ kind: 'line', text, bytes })
    if (this.#isPayloadLineAnnounced(text)) {
      this.#isPayloadLine = true
      this.#maybePrompt = false
      return
    }
    this.#payloadLeft = this.#payloadLengthOf(text)
    if (this.#payloadLeft === 0) this.#endPayload(events)
  }
}

/** The first CR or LF (or `"`, when quotes matter) from `from`; -1 when the chunk has none. */
function findLineEnd(chunk: Buffer, from: number, stopAtQuote: boolean): number {
  for (let i = from; i < chunk.length; i++) {
    const byte = chunk[i]
    if (byte === CR || byte === LF || (stopAtQuote && byte === QUOTE)) return i
  }
  return -1
}
