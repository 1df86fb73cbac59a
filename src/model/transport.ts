/**
 * The one seam between atseq and a modem: bytes out, bytes in, and a drop event.
 * Serial ports, serial-over-TCP and the in-process simulator all implement it,
 * so the chat engine never knows which it talks to.
 */

/** Why a link ended without being closed by us: cable pulled, peer closed, device reset. */
export interface LinkDrop {
  cause: string
  error?: Error
}

export interface TransportEvents {
  /** A chunk of received bytes, delivered as it arrives (never re-chunked or delayed). */
  data: (chunk: Buffer) => void
  /** The link went away without `close()` being called. Emitted at most once. */
  drop: (drop: LinkDrop) => void
}

export interface Transport {
  /** What the transport is, e.g. `serial:///dev/ttyUSB2?baud=115200` or `sim://simcom-a76xx`. */
  readonly url: string
  /** Port settings worth recording in a report (baud, parity, flow control...). */
  readonly settings: Record<string, string | number | boolean>
  open(): Promise<void>
  /** Writes bytes as one write. Rejects if the link is closed or dropped. */
  write(bytes: Buffer): Promise<void>
  close(): Promise<void>
  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this
  off<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this
}
