/**
 * The final result code a command still owes after its wait ended early (timeout, Ctrl-C, an
 * abort line): the next command is not written until it arrives or a settle time passes.
 */
import { startWait, type Wait } from './wait.js'

/** How a settle ended: the owed final arrived, the settle time passed, or the caller cancelled. */
export type SettleOutcome = 'answered' | 'settled' | 'cancelled'

/** Default settle time: how long the next command waits for a late final result code, in ms. */
export const DEFAULT_SETTLE_MS = 2000

export class OwedAnswer {
  #settling: Wait<SettleOutcome> | undefined
  #isAnswered = false

  /** `commandLine` is the command that owes its final result code. */
  constructor(readonly commandLine: string) {}

  /** The owed final result code arrived (or the link went, so nothing more will). */
  release(): void {
    this.#isAnswered = true
    this.#settling?.finish('answered')
  }

  /** Resolves when the answer arrives, after `settleMs`, or at once on an aborted signal. */
  settle(settleMs: number, signal: AbortSignal | undefined): Promise<SettleOutcome> {
    if (this.#isAnswered) return Promise.resolve('answered')
    this.#settling = startWait<SettleOutcome>({
      timeoutMs: settleMs,
      signal,
      onTimeout: () => 'settled',
      onCancel: () => 'cancelled',
      cleanup: () => {
        this.#settling = undefined
      },
    })
    return this.#settling.promise
  }
}
