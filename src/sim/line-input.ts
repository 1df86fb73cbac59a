/**
 * The modem's receive side: bytes the host sent that were not read yet, cut into command lines (ended by S3, edited
 * by S5, echoed as they arrive) or taken whole as prompt input.
 */
const LF = 0x0a
const CR = 0x0d
const CTRL_Z = 0x1a
const ESC = 0x1b

/** What the next bytes hold: a command line, or `A/` (repeat the last line). */
export type LineInputItem = { kind: 'line'; text: string } | { kind: 'repeat' }

/** Text typed at a `> ` prompt: ended by Ctrl-Z, or cancelled by ESC. */
export type TextInputItem = { kind: 'end' | 'cancel'; data: Buffer }

export class LineInput {
  private input = Buffer.alloc(0)
  private echoedBytes = 0
  private skipLf = false

  append(bytes: Buffer): void {
    this.input = Buffer.concat([this.input, bytes])
  }

  clear(): void {
    this.input = Buffer.alloc(0)
    this.echoedBytes = 0
  }

  /** Every byte not read yet (the start of online data), less the LF that ends the last command line. */
  takeAll(): Buffer {
    this.dropLfAfterCr()
    const data = Buffer.from(this.input)
    this.clear()
    return data
  }

  /** Exactly `length` bytes of prompt input, once that many arrived. */
  takeData(length: number): Buffer | undefined {
    if (this.input.length < length) return undefined
    const data = Buffer.from(this.input.subarray(0, length))
    this.input = this.input.subarray(length)
    return data
  }

  /**
   * Text typed at a `> ` prompt once Ctrl-Z or ESC arrived (neither is part of it), echoing what arrived of it;
   * `onLineBreak` runs after each CR is echoed (the modem prompts again for the next line).
   */
  takeText(echo: ((bytes: Buffer) => void) | undefined, onLineBreak: () => void): TextInputItem | undefined {
    this.dropLfAfterCr()
    for (let at = this.echoedBytes; at < this.input.length; at++) {
      const byte = this.input[at]
      if (byte === CTRL_Z || byte === ESC) {
        const data = Buffer.from(this.input.subarray(0, at))
        this.input = this.input.subarray(at + 1)
        this.echoedBytes = 0
        return { kind: byte === CTRL_Z ? 'end' : 'cancel', data }
      }
      echo?.(this.input.subarray(at, at + 1))
      this.echoedBytes = at + 1
      if (byte === CR) onLineBreak()
    }
    return undefined
  }

  /**
   * Prompt input ended by the `end` byte (which is consumed): the bytes before it, `cancelled` when the `cancel` byte
   * came first, `overflow` when more than `maxBytes` arrived without either; undefined while neither arrived.
   */
  takeUntil(
    end: number,
    cancel: number,
    maxBytes: number,
  ): { kind: 'data'; data: Buffer } | { kind: 'cancelled' | 'overflow' } | undefined {
    const at = this.input.findIndex(byte => byte === end || byte === cancel)
    if (at < 0) return this.input.length > maxBytes ? this.dropAll('overflow') : undefined
    if (at > maxBytes) return this.dropAll('overflow')
    const data = Buffer.from(this.input.subarray(0, at))
    const cancelled = this.input[at] === cancel
    this.input = this.input.subarray(at + 1)
    return cancelled ? { kind: 'cancelled' } : { kind: 'data', data }
  }

  private dropAll(kind: 'overflow'): { kind: 'overflow' } {
    this.input = Buffer.alloc(0)
    return { kind }
  }

  /** The next complete line (or `A/`), echoing through `echo` what arrived of it; undefined while incomplete. */
  takeLine(terminator: number, backspace: number, echo: ((bytes: Buffer) => void) | undefined): LineInputItem | undefined {
    this.dropLfAfterCr()
    if (this.isRepeatRequest()) {
      this.echoUpTo(2, echo)
      this.input = this.input.subarray(2)
      this.echoedBytes = 0
      return { kind: 'repeat' }
    }
    const end = this.input.indexOf(terminator)
    this.echoUpTo(end < 0 ? this.input.length : end + 1, echo)
    if (end < 0) return undefined
    const text = readLineText(this.input.subarray(0, end), backspace)
    this.input = this.input.subarray(end + 1)
    this.echoedBytes = 0
    this.skipLf = true
    return { kind: 'line', text }
  }

  /** `A/` at the start of a line repeats the last command line at once, without waiting for S3 (V.250 6.2.2). */
  private isRepeatRequest(): boolean {
    return this.echoedBytes <= 2 && this.input.length >= 2 && ((this.input[0] ?? 0) | 0x20) === 0x61 && this.input[1] === 0x2f
  }

  /** Hosts often end lines with CRLF; the LF after a CR is neither echoed nor read as a line. */
  private dropLfAfterCr(): void {
    if (!this.skipLf || this.input.length === 0) return
    if (this.input[0] === LF) this.input = this.input.subarray(1)
    this.skipLf = false
  }

  private echoUpTo(upTo: number, echo: ((bytes: Buffer) => void) | undefined): void {
    if (upTo > this.echoedBytes && echo !== undefined) echo(this.input.subarray(this.echoedBytes, upTo))
    this.echoedBytes = Math.max(this.echoedBytes, upTo)
  }
}

/** The text of a command line, with backspaces applied as a terminal user expects. */
function readLineText(bytes: Buffer, backspace: number): string {
  const chars: string[] = []
  for (const byte of bytes) {
    if (byte === backspace) chars.pop()
    else chars.push(String.fromCharCode(byte))
  }
  return Buffer.from(chars.join(''), 'latin1').toString('utf8')
}
