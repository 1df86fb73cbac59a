/**
 * The modem's transmit line: bytes go to the host at once, or at the configured baud rate
 * (10 bits per byte: start, 8 data, stop), in slices of about 10 ms.
 */
const BITS_PER_BYTE = 10
const SLICE_MS = 10

export class OutputPacer {
  private queue: Buffer[] = []
  private timer: NodeJS.Timeout | undefined

  /** @param deliver where bytes go; @param baud bits per second, undefined for no pacing */
  constructor(
    private readonly deliver: (bytes: Buffer) => void,
    public baud: number | undefined = undefined,
  ) {}

  write(bytes: Buffer): void {
    if (bytes.length === 0) return
    if (this.baud === undefined && this.queue.length === 0 && this.timer === undefined) return this.deliver(bytes)
    this.queue.push(bytes)
    if (this.timer === undefined) this.sendSlice()
  }

  /** Drops whatever has not been sent yet (power loss, host gone). */
  clear(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.queue = []
  }

  private sendSlice(): void {
    this.timer = undefined
    const baud = this.baud
    if (baud === undefined) {
      const all = Buffer.concat(this.queue)
      this.queue = []
      return this.deliver(all)
    }
    const slice = this.takeBytes(Math.max(1, Math.round(((baud / BITS_PER_BYTE) * SLICE_MS) / 1000)))
    if (slice.length === 0) return
    this.deliver(slice)
    this.timer = setTimeout(() => this.sendSlice(), (slice.length * BITS_PER_BYTE * 1000) / baud)
  }

  private takeBytes(count: number): Buffer {
    const all = Buffer.concat(this.queue)
    const rest = all.subarray(count)
    this.queue = rest.length > 0 ? [rest] : []
    return all.subarray(0, count)
  }
}
