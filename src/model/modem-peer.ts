/**
 * An in-process modem: the far end of a `sim://` transport. The simulator implements it;
 * tests implement it with a scripted peer. It sees exactly the bytes a real modem would.
 */
export interface ModemPeer {
  /** Bytes the host wrote, delivered as written (one call per host write). */
  receive(bytes: Buffer): void
  /** Registers the one sink for bytes the modem sends to the host. */
  attach(sendToHost: (bytes: Buffer) => void, dropLink: (cause: string) => void): void
  /** Called when the host closes the link; the peer stops timers and network clients. */
  detach(): Promise<void>
}
