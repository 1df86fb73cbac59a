/**
 * Online data mode (V.250): a service holds the serial port for a byte stream (transparent TCP). The host's bytes go
 * to the session as they come, with no echo and no command parsing; the session's bytes go to the host raw. The
 * escape sequence (`+++` between guard times) returns to command mode with the session kept, so that ATO resumes
 * it; the session's end (`CLOSED`) returns to command mode for good.
 */
import { EscapeSequence } from './escape-sequence.js'
import { encodeReply, framingOf, type OnlineSession, type Reply } from './reply.js'

/** The V.250 default escape guard time (S12 = 50 fiftieths of a second). */
export const DEFAULT_ESCAPE_GUARD_MS = 1000

/** What online mode needs from the modem. */
export interface OnlinePort {
  /** Raw bytes to the host. */
  write(bytes: Buffer): void
  /** Back in command mode after `bytes` (`OK` after the escape, or `CLOSED`): held URCs follow, commands are read. */
  resume(bytes: Buffer): void
  /** A URC while in command mode (the session ended while suspended). */
  emit(bytes: Buffer): void
}

/** The V.250 settings the mode's result codes are framed by. */
type FramingSettings = Parameters<typeof framingOf>[0] & { cmee: 0 | 1 | 2 }

export class OnlineMode {
  private session: OnlineSession | undefined
  private escape: EscapeSequence | undefined
  /** Bytes the session sent while the host was in command mode; ATO delivers them. */
  private kept: Buffer[] = []
  private settings: FramingSettings | undefined

  constructor(
    private readonly port: OnlinePort,
    private readonly guardMs = DEFAULT_ESCAPE_GUARD_MS,
  ) {}

  /** Whether the port carries a session's bytes now (not suspended by the escape). */
  isActive(): boolean {
    return this.escape !== undefined
  }

  /**
   * Prints the reply's line as the final result code and hands the port to its session (new, or resumed by ATO);
   * `early` are bytes the host sent behind the command line, the first data.
   */
  enter(reply: Reply & { kind: 'online' }, early: Buffer, settings: FramingSettings): void {
    const { session } = reply
    if (session !== this.session) this.kept = []
    this.session = session
    this.settings = settings
    this.port.write(encodeReply([], { kind: 'result', text: reply.line }, settings.cmee, framingOf(settings)))
    this.escape = new EscapeSequence(
      this.guardMs,
      bytes => session.fromHost(bytes),
      () => this.suspend(),
      Date.now(),
    )
    const kept = this.kept
    this.kept = []
    for (const bytes of kept) this.port.write(bytes)
    if (early.length > 0) this.receive(early)
  }

  /** Bytes the host sent while the mode is active. */
  receive(bytes: Buffer): void {
    this.escape?.receive(bytes, Date.now())
  }

  /** Bytes from `session` to the host: raw at once while it holds the port, kept while it is suspended. */
  send(session: OnlineSession, bytes: Buffer): void {
    if (session !== this.session) return
    if (this.isActive()) this.port.write(bytes)
    else this.kept.push(Buffer.from(bytes))
  }

  /** `session` is over: `line` (a framed `CLOSED`) is printed, and the modem is, or stays, in command mode. */
  end(session: OnlineSession, line: Buffer): void {
    if (session !== this.session) return
    const wasActive = this.isActive()
    this.clear()
    if (wasActive) this.port.resume(line)
    else this.port.emit(line)
  }

  /** Forgets the session without a word (power-down). */
  clear(): void {
    this.escape?.stop()
    this.escape = undefined
    this.session = undefined
    this.kept = []
  }

  private suspend(): void {
    this.escape?.stop()
    this.escape = undefined
    const settings = this.settings
    this.port.resume(encodeReply([], { kind: 'ok' }, settings?.cmee ?? 0, settings === undefined ? undefined : framingOf(settings)))
  }
}
