/** The chat's record of the command or data block on the wire, until its final result code or its end. */
import type { ChatLine, Exchange } from './chat-types.js'
import type { Wait } from './wait.js'

/** A command or data block waiting for its final result code. */
export interface RunningExchange {
  kind: 'command' | 'data'
  /** The command whose response this is (for data: the command that asked for the data). */
  commandLine: string
  startedAtMs: number
  /** Lines the modem would echo back (ATE1), in order. */
  echo: string[]
  lines: ChatLine[]
  isAbort?: (line: string) => boolean
  wait: Wait<Exchange>
}
