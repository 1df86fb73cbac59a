/**
 * What the chat engine needs to know about a modem family: its data prompt and its URCs.
 * Profiles are plain data held by each family under `families/`; a new modem is a new object, not new code.
 */
import type { UrcRule } from './urc-rule.js'

export interface ChatProfile {
  /** The name a sequence's `device:` uses, e.g. `simcom-a76xx`. */
  name: string
  /**
   * The data prompt as it appears at the start of a line, with no line end after it:
   * SIMCom sends `\r\n>` (so `>`), other modems `> ` or `@`.
   */
  prompt: string
  /** Whole lines that invite prompt data as the prompt does (SIMCom's `DOWNLOAD` after AT+HTTPDATA); default none. */
  promptLines?: readonly string[]
  /** Lines that are unsolicited whenever they arrive (see `isUrcLine` for the read/test-form exception). */
  urcs: readonly UrcRule[]
  /**
   * Lines this family ends a command with besides the V.250 / 27.007 final result codes (Quectel's `SEND OK` and
   * `SEND FAIL` after AT+QISEND data). Default: none.
   */
  finalResults?: readonly string[]
  /** Largest payload a payload URC may announce, in bytes; larger headers are treated as plain URCs. */
  maxPayloadBytes: number
  /**
   * How long the next command waits for a final result code the previous command still owes (it timed out or
   * was cancelled) before it is written anyway, in ms; unset means the engine's default (2 s).
   */
  settleMs?: number
}
