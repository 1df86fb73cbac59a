/**
 * The data the chat engine hands out: lines as they arrived, exchanges, URC waits, transcript entries.
 */

/**
 * One received unit, classified. `bytes` is set for payloads (read by length) and for lines.
 * `late` is a response line or final result code that answers a command whose step already ended.
 */
export interface ChatLine {
  /** Milliseconds since the chat started (monotonic). */
  atMs: number
  kind: 'echo' | 'response' | 'urc' | 'final' | 'prompt' | 'payload' | 'late'
  text: string
  bytes?: Buffer
}

/** How a wait ended: a final result code, the data prompt, or one of the ways it can end early. */
/** `overflow`: the modem sent more than the chat keeps for one step (see `ChatSettings.maxStepBytes`). */
export type ExchangeOutcome = 'final' | 'prompt' | 'timeout' | 'aborted' | 'dropped' | 'cancelled' | 'overflow'

/** The result of one command or one block of prompt data. */
export interface Exchange {
  outcome: ExchangeOutcome
  /** The final result code line, or the prompt text for outcome `prompt`. */
  final?: string
  /** Everything received in the exchange's window, in arrival order (URCs included). */
  lines: ChatLine[]
  /** Why the exchange ended early: the abort line, the drop cause, the timeout. */
  cause?: string
  /** For outcome `aborted`: the line that ended it. */
  abortLine?: string
  startedAtMs: number
  endedAtMs: number
}

export type UrcWaitOutcome = 'matched' | 'timeout' | 'aborted' | 'dropped' | 'cancelled' | 'overflow'

/** The result of waiting for a URC. */
export interface UrcWait {
  outcome: UrcWaitOutcome
  /** The URC that matched (consumed from the buffer). */
  urc?: ChatLine
  cause?: string
  /** For outcome `aborted`: the line that ended it. */
  abortLine?: string
  startedAtMs: number
  endedAtMs: number
}

/** Options every wait takes. */
export interface WaitOptions {
  /** How long to wait, in milliseconds. */
  timeoutMs: number
  /** Cancels the wait (outcome `cancelled`). */
  signal?: AbortSignal
  /** A received line for which this returns true ends the wait at once (outcome `aborted`), like chat's ABORT. */
  isAbort?: (line: string) => boolean
  /** Overrides the chat's settle time for this command, in ms (a sequence's `settle:`). */
  settleMs?: number
}

/** How prompt data is ended: nothing, Ctrl-Z (0x1A, submit) or ESC (0x1B, cancel). */
export type DataEnd = 'none' | 'ctrl-z' | 'esc'

export interface SendDataOptions extends WaitOptions {
  end: DataEnd
}

/** One transcript entry: bytes sent (`tx`), bytes received (`rx`), or a note from atseq (`note`). */
export interface ChatTranscriptEntry {
  atMs: number
  dir: 'tx' | 'rx' | 'note'
  bytes: Buffer | string
}

/** Receives every byte both ways, as it is written or received. */
export type TranscriptSink = (entry: ChatTranscriptEntry) => void
