/**
 * What a command handler answers, as data, and how those answers become bytes on the wire.
 * Framing follows V.25ter with SIMCom's habits: an information response is `\r\n` + lines joined by `\r\n` + `\r\n`,
 * a final result code is `\r\n<code>\r\n`, a URC is `\r\n<text>\r\n`.
 */
import { CME_ERROR_TEXTS } from '../modem/cme-error.js'
import { CMS_ERROR_TEXTS } from '../modem/cms-error.js'

/** The final result code that ends a command. */
export type FinalCode =
  | { kind: 'ok' }
  | { kind: 'error' }
  /** `+CME ERROR: <n>` or its text, depending on AT+CMEE; plain `ERROR` with AT+CMEE=0. */
  | { kind: 'cme'; code: number }
  /** `+CMS ERROR: <n>` (TS 27.005 message service failures), shown as AT+CMEE says, as +CME ERROR is. */
  | { kind: 'cms'; code: number }
  /** A final result code of the module's own, printed as it is (Quectel's `SEND OK` / `SEND FAIL`). */
  | { kind: 'result'; text: string }

export type Reply =
  /** Response lines (possibly none) and a final result code. */
  | { kind: 'done'; lines: string[]; final: FinalCode; payload?: Buffer }
  /**
   * Print the prompt (the profile's; or the bytes `text`, e.g. `\r\nDOWNLOAD\r\n`; or `line` framed as a result line,
   * e.g. Quectel's `CONNECT`), read exactly `length` bytes within `timeoutMs` (default the profile's), then answer with
   * `accept(bytes)`. With `until`, read up to `length` bytes ended by the `end` byte instead (Ctrl-Z), or given up by
   * `cancel` (ESC).
   */
  | {
      kind: 'prompt'
      length: number
      accept: (data: Buffer) => Reply
      text?: string
      line?: string
      timeoutMs?: number
      until?: PromptEnd
    }
  /**
   * Print `prompt`, read input up to Ctrl-Z, then answer with `accept(bytes)`; ESC cancels with OK
   * (TS 27.005 §3.5.1: AT+CMGS and AT+CMGW, text and PDU mode alike). Each CR in the input prints `prompt` again.
   */
  | { kind: 'text-input'; prompt: string; accept: (data: Buffer) => Reply }
  /** Nothing at all, e.g. a reset command whose answer is the boot banner. */
  | { kind: 'none' }
  /** An answer that takes time; the modem reads no further command meanwhile (A76XX AT+CMQTTCONNECT waits for TCP). */
  | { kind: 'later'; reply: Promise<Reply> }
  /** Print `line` as the final result code (`CONNECT 115200`) and hand the port to `session` (online data mode). */
  | { kind: 'online'; line: string; session: OnlineSession }

/** A service's byte stream over the serial port in online data mode (transparent TCP). */
export interface OnlineSession {
  /** Bytes the host sent, as they came; the escape sequence that suspends the mode never reaches it. */
  fromHost(bytes: Buffer): void
}

/** How variable-length prompt input ends: `end` accepts what came before it, `cancel` answers `onCancel()`. */
export interface PromptEnd {
  end: number
  cancel: number
  onCancel: () => Reply
}

/** `OK`, after the given response lines. */
export function replyOk(...lines: string[]): Reply {
  return { kind: 'done', lines, final: { kind: 'ok' } }
}

/** `ERROR`, after the given response lines (the CMQTT rejection form `+CMQTTxxx: <idx>,<err>` + `ERROR`). */
export function replyError(...lines: string[]): Reply {
  return { kind: 'done', lines, final: { kind: 'error' } }
}

/** `OK` after the lines and raw bytes right after them (AT+CIPRXGET=2 reads data by length). */
export function replyOkWithPayload(lines: string[], payload: Buffer): Reply {
  return { kind: 'done', lines, final: { kind: 'ok' }, payload }
}

/** A final result code of the module's own, e.g. `SEND OK`. */
export function replyResult(text: string): Reply {
  return { kind: 'done', lines: [], final: { kind: 'result', text } }
}

/** `+CME ERROR: <code>` (shown according to AT+CMEE). */
export function replyCme(code: number): Reply {
  return { kind: 'done', lines: [], final: { kind: 'cme', code } }
}

/** `+CMS ERROR: <code>` (shown according to AT+CMEE). */
export function replyCms(code: number): Reply {
  return { kind: 'done', lines: [], final: { kind: 'cms', code } }
}

/** The answer `reply` settles to, printed once it does. */
export function replyLater(reply: Promise<Reply>): Reply {
  return { kind: 'later', reply }
}

/** `line` (e.g. `CONNECT 115200`), then the port carries `session`'s bytes until the escape or its end. */
export function replyOnline(line: string, session: OnlineSession): Reply {
  return { kind: 'online', line, session }
}

/** A `>` prompt (or the given text and timeout) for exactly `length` bytes. */
export function replyPrompt(length: number, accept: (data: Buffer) => Reply, options: { text?: string; timeoutMs?: number } = {}): Reply {
  return { kind: 'prompt', length, accept, ...options }
}

/** A `> ` prompt for input ended by Ctrl-Z (or cancelled by ESC). */
export function replyTextInput(prompt: string, accept: (data: Buffer) => Reply): Reply {
  return { kind: 'text-input', prompt, accept }
}

/** A prompt for at most `maxBytes` bytes ended by Ctrl-Z (0x1A); ESC (0x1B) gives up with `onCancel()`. */
export function replyPromptUntilCtrlZ(maxBytes: number, accept: (data: Buffer) => Reply, onCancel: () => Reply): Reply {
  return { kind: 'prompt', length: maxBytes, accept, until: { end: 0x1a, cancel: 0x1b, onCancel } }
}

/** Prompt input of exactly `length` bytes after `text` instead of the profile's prompt (Quectel's `CONNECT`). */
export function replyDataMode(text: string, length: number, accept: (data: Buffer) => Reply): Reply {
  return { kind: 'prompt', length, accept, line: text }
}

/** How results are framed (V.250 ATV, ATQ, S3, S4). */
export interface Framing {
  /** ATV1: text result codes framed by CR LF; ATV0: numeric codes ended by CR, text lines ended by CR LF. */
  verbose: boolean
  /** ATQ1: no final result codes at all. */
  quiet: boolean
  /** S3 and S4 as characters. */
  cr: string
  lf: string
}

/** The framing the V.250 settings give (ATV, ATQ, S3, S4 as ASCII codes). */
export function framingOf(settings: { verbose: boolean; quiet: boolean; s3: number; s4: number }): Framing {
  const { verbose, quiet, s3, s4 } = settings
  return { verbose, quiet, cr: String.fromCharCode(s3), lf: String.fromCharCode(s4) }
}

/** The framing after power-up: ATV1, ATQ0, S3=13, S4=10. */
export const DEFAULT_FRAMING: Framing = { verbose: true, quiet: false, cr: '\r', lf: '\n' }

/** V.250 numeric result codes of the final result codes the simulator sends. */
const NUMERIC_CODES = { ok: '0', error: '4' } as const

/**
 * Bytes of a response: its lines, any raw payload (then the line end), then its final result code as AT+CMEE and
 * the framing say.
 */
export function encodeReply(
  lines: string[],
  final: FinalCode,
  cmee: 0 | 1 | 2,
  framing: Framing = DEFAULT_FRAMING,
  payload?: Buffer,
): Buffer {
  const { cr, lf } = framing
  const data = payload === undefined ? [] : [payload, Buffer.from(cr + lf, 'latin1')]
  const body = framing.verbose
    ? lines.length === 0
      ? ''
      : cr + lf + lines.join(cr + lf) + cr + lf
    : lines.map(line => line + cr + lf).join('')
  const code = framing.quiet
    ? ''
    : framing.verbose
      ? cr + lf + describeFinal(final, cmee) + cr + lf
      : describeNumericFinal(final, cmee, framing)
  return Buffer.concat([Buffer.from(body, 'utf8'), ...data, Buffer.from(code, 'utf8')])
}

/** ATV0: `0` / `4` ended by CR; +CME ERROR keeps its text form, framed as a text line. */
function describeNumericFinal(final: FinalCode, cmee: 0 | 1 | 2, framing: Framing): string {
  if (((final.kind === 'cme' || final.kind === 'cms') && cmee !== 0) || final.kind === 'result')
    return describeFinal(final, cmee) + framing.cr + framing.lf
  return (final.kind === 'ok' ? NUMERIC_CODES.ok : NUMERIC_CODES.error) + framing.cr
}

/** The final result code's text: `OK`, `ERROR`, `+CME ERROR: 10` or `+CME ERROR: SIM not inserted`. */
export function describeFinal(final: FinalCode, cmee: 0 | 1 | 2): string {
  if (final.kind === 'ok') return 'OK'
  if (final.kind === 'result') return final.text
  if (final.kind === 'error' || cmee === 0) return 'ERROR'
  if (final.kind === 'cms')
    return cmee === 1 ? `+CMS ERROR: ${final.code}` : `+CMS ERROR: ${CMS_ERROR_TEXTS[final.code] ?? 'unknown error'}`
  if (cmee === 1) return `+CME ERROR: ${final.code}`
  return `+CME ERROR: ${CME_ERROR_TEXTS[final.code] ?? 'unknown'}`
}

/** Bytes of one URC line: `\r\n<text>\r\n`, or `<text>\r\n` under ATV0. */
export function encodeUrc(text: string, framing: Framing = DEFAULT_FRAMING): Buffer {
  const { cr, lf } = framing
  return Buffer.from(framing.verbose ? cr + lf + text + cr + lf : text + cr + lf, 'utf8')
}
