/**
 * A byte-level host for SimModem tests: writes what a host would (optionally split into small chunks) and reads
 * the modem's output exactly, so each test reads like a transcript of the wire.
 */
import { SimModem, type SimOptions } from '../../src/sim/sim-modem.js'

/** The A76XX boot banner, as A7670 logs show it: `*ATREADY: 1`, `+CPIN: READY`, `SMS DONE`, `+CGEV: EPS PDN ACT 1`, `PB DONE`. */
export const BOOT = '\r\n*ATREADY: 1\r\n\r\n+CPIN: READY\r\n\r\nSMS DONE\r\n\r\n+CGEV: EPS PDN ACT 1\r\n\r\nPB DONE\r\n'

/** The SIM7600 boot banner, as SIM7600 logs show it: `RDY`, `+CPIN: READY`, `SMS DONE`, `PB DONE`. */
export const BOOT_SIM7600 = '\r\nRDY\r\n\r\n+CPIN: READY\r\n\r\nSMS DONE\r\n\r\nPB DONE\r\n'

/**
 * The BG96 boot banner: `RDY`, `+CFUN: 1`, `+CPIN: READY`, `+QUSIM: 1`, `+QIND: SMS DONE`, `APP RDY`
 * (TinyGSM issue #157 shows `RDY`; the rest is from the AT manual's URC list, see docs/quectel-reference-notes.md).
 */
export const BOOT_BG96 = '\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\n+QUSIM: 1\r\n\r\n+QIND: SMS DONE\r\n\r\nAPP RDY\r\n'

/** The EG25-G boot banner in the order a PinePhone log shows it: `RDY`, `+CPIN: READY`, `+QUSIM: 1`, `+CFUN`, `+QIND`s. */
export const BOOT_EG25 = '\r\nRDY\r\n\r\n+CPIN: READY\r\n\r\n+QUSIM: 1\r\n\r\n+CFUN: 1\r\n\r\n+QIND: SMS DONE\r\n\r\n+QIND: PB DONE\r\n'

/** The banner a profile prints after power-up, written here from the logs rather than read from the profile. */
export function bootBanner(profile: SimOptions['profile'], simPresent = true): string {
  const name = typeof profile === 'object' ? profile.name : profile
  if (name === 'simcom-sim7600') return simPresent ? BOOT_SIM7600 : '\r\nRDY\r\n'
  if (name === 'quectel-bg96') return simPresent ? BOOT_BG96 : '\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\nAPP RDY\r\n'
  if (name === 'quectel-eg25') return simPresent ? BOOT_EG25 : '\r\nRDY\r\n\r\n+CFUN: 1\r\n'
  return simPresent ? BOOT : '\r\n*ATREADY: 1\r\n'
}

export class WireHarness {
  readonly modem: SimModem
  private received = Buffer.alloc(0)
  private cursor = 0
  private wake: (() => void) | undefined

  constructor(options: SimOptions = {}) {
    this.modem = new SimModem(options)
    this.modem.attach(
      bytes => {
        this.received = Buffer.concat([this.received, bytes])
        this.wake?.()
      },
      () => undefined,
    )
  }

  /** Starts a modem and reads its boot lines. */
  static async boot(options: SimOptions = {}): Promise<WireHarness> {
    const h = new WireHarness(options)
    await h.expect(bootBanner(options.profile, options.simPresent ?? true))
    return h
  }

  /** Writes bytes as the host would, in chunks of `chunkBytes` (default: one write). */
  write(data: string | Buffer, chunkBytes = Number.MAX_SAFE_INTEGER): void {
    const bytes = Buffer.from(data)
    for (let at = 0; at < bytes.length; at += chunkBytes) this.modem.receive(bytes.subarray(at, at + chunkBytes))
  }

  /** Reads exactly `expected.length` bytes and returns them as text (compare with t.equal). */
  async read(byteCount: number, timeoutMs = 3000): Promise<string> {
    await this.waitUntil(() => this.received.length - this.cursor >= byteCount, timeoutMs, `${byteCount} bytes`)
    const text = this.received.subarray(this.cursor, this.cursor + byteCount).toString('latin1')
    this.cursor += byteCount
    return text
  }

  /** Reads as many bytes as `expected` has and throws with both texts when they differ. */
  async expect(expected: string, timeoutMs = 3000): Promise<void> {
    const byteCount = Buffer.byteLength(expected, 'latin1')
    let got: string
    try {
      got = await this.read(byteCount, timeoutMs)
    } catch (error) {
      throw new Error(`expected ${JSON.stringify(expected)}, got only ${JSON.stringify(this.pending())}`, { cause: error })
    }
    if (got !== expected) throw new Error(`expected ${JSON.stringify(expected)}\n     got ${JSON.stringify(got)}`)
  }

  /** Reads up to and including `marker`, returning everything read. */
  async readUntil(marker: string, timeoutMs = 5000): Promise<string> {
    await this.waitUntil(() => this.received.indexOf(marker, this.cursor, 'latin1') >= 0, timeoutMs, JSON.stringify(marker))
    const end = this.received.indexOf(marker, this.cursor, 'latin1') + Buffer.byteLength(marker, 'latin1')
    const text = this.received.subarray(this.cursor, end).toString('latin1')
    this.cursor = end
    return text
  }

  /** Bytes received but not read yet. */
  pending(): string {
    return this.received.subarray(this.cursor).toString('latin1')
  }

  /** Sends a command line (CR-terminated) and checks the exact answer, echo included when `echo` is on. */
  async command(line: string, answer: string, echo = true): Promise<void> {
    this.write(`${line}\r`)
    await this.expect((echo ? `${line}\r` : '') + answer)
  }

  async close(): Promise<void> {
    await this.modem.detach()
  }

  private waitUntil(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (done()) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.wake = undefined
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; pending ${JSON.stringify(this.pending())}`))
      }, timeoutMs)
      this.wake = () => {
        if (!done()) return
        clearTimeout(timer)
        this.wake = undefined
        resolve()
      }
    })
  }
}

/** `\r\n<line>\r\n` for each line, then `\r\nOK\r\n` — how a successful command reads. */
export function ok(...lines: string[]): string {
  return (lines.length ? `\r\n${lines.join('\r\n')}\r\n` : '') + '\r\nOK\r\n'
}

/** Lines then `\r\nERROR\r\n` — the CMQTT rejection form, or a plain ERROR. */
export function error(...lines: string[]): string {
  return (lines.length ? `\r\n${lines.join('\r\n')}\r\n` : '') + '\r\nERROR\r\n'
}

/** A URC as it appears on the wire. */
export function urc(text: string): string {
  return `\r\n${text}\r\n`
}
