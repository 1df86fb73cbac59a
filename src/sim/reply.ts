/**
 * What a command handler answers, as data, and how those answers become bytes on the wire.
 * Framing follows V.25ter with SIMCom's habits: an information response is `\r\n` + lines joined by `\r\n` + `\r\n`,
 * a final result code is `\r\n<code>\r\n`, a URC is `\r\n<text>\r\n`.
 */
import { CME_ERROR_TEXTS } from '../modem/cme-error.js'

/** The final result code that ends a command. */
export type FinalCode =
  | { kind: 'ok' }
  | { kind: 'error' }
  /** `+CME ERROR: <n>` or its text, depending on AT+CMEE; plain `ERROR` with AT+CMEE=0. */
  | { kind: 'cme'; code: number }

export type Reply =
  /** Response lines (possibly none) and a final result code. */
  | { kind: 'done'; lines: string[]; final: FinalCode }
  /** Print the prompt, read exactly `length` bytes, then answer with `accept(bytes)`. */
  | { kind: 'prompt'; length: number; accept: (data: Buffer) => Reply }
  /** Nothing at all, e.g. a reset command whose answer is the boot banner. */
  | { kind: 'none' }
  /** An answer that takes time; the modem reads no further command meanwhile (A76XX AT+CMQTTCONNECT waits for TCP). */
  | { kind: 'later'; reply: Promise<Reply> }

/** `OK`, after the given response lines. */
export function replyOk(...lines: string[]): Reply {
  return { kind: 'done', lines, final: { kind: 'ok' } }
}

/** `ERROR`, after the given response lines (the CMQTT rejection form `+CMQTTxxx: <idx>,<err>` + `ERROR`). */
export function replyError(...lines: string[]): Reply {
  return { kind: 'done', lines, final: { kind: 'error' } }
}

/** `+CME ERROR: <code>` (shown according to AT+CMEE). */
export function replyCme(code: number): Reply {
  return { kind: 'done', lines: [], final: { kind: 'cme', code } }
}

/** The answer `reply` settles to, printed once it does. */
export function replyLater(reply: Promise<Reply>): Reply {
  return { kind: 'later', reply }
}

/** A `>` prompt for exactly `length` bytes. */
export function replyPrompt(length: number, accept: (data: Buffer) => Reply): Reply {
  return { kind: 'prompt', length, accept }
}

/** Bytes of a response: its lines, then its final result code as AT+CMEE says. */
export function encodeReply(lines: string[], final: FinalCode, cmee: 0 | 1 | 2): Buffer {
  const body = lines.length === 0 ? '' : `\r\n${lines.join('\r\n')}\r\n`
  return Buffer.from(body + `\r\n${describeFinal(final, cmee)}\r\n`, 'utf8')
}

/** The final result code's text: `OK`, `ERROR`, `+CME ERROR: 10` or `+CME ERROR: SIM not inserted`. */
export function describeFinal(final: FinalCode, cmee: 0 | 1 | 2): string {
  if (final.kind === 'ok') return 'OK'
  if (final.kind === 'error' || cmee === 0) return 'ERROR'
  if (cmee === 1) return `+CME ERROR: ${final.code}`
  return `+CME ERROR: ${CME_ERROR_TEXTS[final.code] ?? 'unknown'}`
}

/** Bytes of one URC line. */
export function encodeUrc(text: string): Buffer {
  return Buffer.from(`\r\n${text}\r\n`, 'utf8')
}
