/**
 * What every step executor gets: the chat with the modem, the broker link, the variables,
 * the recorder and the run's cancel signal. One per sequence run.
 */
import type { Chat } from '../at/chat.js'
import type { ModemFamily } from '../modem/modem-family.js'
import type { BrokerLink } from '../model/broker-link.js'
import type { ServerLink } from '../model/server-link.js'
import type { Masker } from '../record/masker.js'
import type { Recorder } from '../record/recorder.js'
import type { Sequence, Step, Phase } from '../model/sequence.js'
import type { StepResult } from '../model/run-record.js'
import type { RenderedMatcher } from './line-matching.js'

/** Progress callbacks for the console and other live views. */
export interface RunEvents {
  onStepStart?(phase: Phase, step: Step): void
  onStepEnd?(result: StepResult): void
  onNote?(text: string): void
}

export interface RunContext {
  sequence: Sequence
  chat: Chat
  /** The modem family: which lines are URCs (and so may still arrive after the final result code), which carry result codes. */
  family: ModemFamily
  broker?: BrokerLink
  /** The far-side servers (`sim://` runs): what `server:` checks wait on and `serve:` steps act through. */
  servers?: ServerLink
  recorder: Recorder
  masker: Masker
  /** Variables in scope: file vars, CLI vars, then captures as they are made. */
  vars: Record<string, string>
  /** Names whose values are masked (secret vars and captures into them). */
  secretNames: Set<string>
  /** Sequence-level abort matchers, rendered once. */
  abort: RenderedMatcher[]
  /** Multiplies every timeout (slow lab links, `--timeout-scale`). */
  timeoutScale: number
  /** Aborted on Ctrl-C: every wait ends at once. */
  signal: AbortSignal
  events: RunEvents
}
