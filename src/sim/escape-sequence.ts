/**
 * The V.250 escape from online data mode: three `+` typed with a guard time of silence before and after them
 * (and all three within that time). Any other `+++` is data and goes on to the session.
 */
const PLUS = 0x2b
const ESCAPE_LENGTH = 3

/** Watches the host's bytes in online data mode; calls `onEscape` once the escape sequence stood alone. */
export class EscapeSequence {
  private lastAtMs: number
  private held: Buffer = Buffer.alloc(0)
  private heldSinceMs = 0
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly guardMs: number,
    private readonly onData: (bytes: Buffer) => void,
    private readonly onEscape: () => void,
    startAtMs: number,
  ) {
    // Entering online mode counts as the host's last activity: the guard before `+++` starts at CONNECT.
    this.lastAtMs = startAtMs
  }

  /** Bytes the host sent at `atMs`: data goes on at once, `+` that may start the escape wait for the guard time. */
  receive(bytes: Buffer, atMs: number): void {
    let dataFrom = 0
    for (let at = 0; at < bytes.length; at++) {
      const byte = bytes[at]
      if (this.held.length > 0) {
        if (byte === PLUS && this.held.length < ESCAPE_LENGTH && atMs - this.heldSinceMs <= this.guardMs) {
          this.hold(byte, atMs)
          dataFrom = at + 1
          continue
        }
        this.releaseHeld()
        dataFrom = at
      }
      if (byte === PLUS && atMs - this.lastAtMs >= this.guardMs) {
        this.forward(bytes.subarray(dataFrom, at))
        this.heldSinceMs = atMs
        this.hold(byte, atMs)
        dataFrom = at + 1
      }
      this.lastAtMs = atMs
    }
    if (this.held.length === 0) this.forward(bytes.subarray(dataFrom))
    this.lastAtMs = atMs
  }

  /** Stops watching; bytes still held are dropped (the mode ended under them). */
  stop(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.held = Buffer.alloc(0)
  }

  private hold(byte: number, atMs: number): void {
    this.held = Buffer.concat([this.held, Buffer.of(byte)])
    this.lastAtMs = atMs
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.expireGuard(), this.guardMs)
  }

  /** The guard time after the last `+` passed in silence: three of them are the escape, fewer are data. */
  private expireGuard(): void {
    this.timer = undefined
    if (this.held.length === ESCAPE_LENGTH) {
      this.held = Buffer.alloc(0)
      return this.onEscape()
    }
    this.releaseHeld()
  }

  private releaseHeld(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    const held = this.held
    this.held = Buffer.alloc(0)
    this.forward(held)
  }

  private forward(bytes: Buffer): void {
    if (bytes.length > 0) this.onData(Buffer.from(bytes))
  }
}
