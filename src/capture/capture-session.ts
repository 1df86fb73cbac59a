/**
 * A live session being captured: commands and prompt data go to the modem through the chat engine, and
 * every line it says is kept with the command it answered (or, for URCs, the step that was last sent).
 * The same session serves the interactive terminal and `--script`.
 */
import { asyncResultNameOf } from '../modem/at-command-line.js'
import type { Chat } from '../at/chat.js'
import type { ChatLine, Exchange } from '../at/chat-types.js'
import type { ChatProfile } from '../modem/chat-profile.js'
import type { DataEnd } from '../model/sequence.js'

/** What one step of the session sent and what came back. */
export interface CapturedStep {
  kind: 'command' | 'data'
  /** The command line, or the data as typed. */
  text: string
  end: DataEnd
  /** The command this answers: itself, or for data the command that opened the prompt. */
  command: string
  /** Response lines, in order. */
  responses: string[]
  /** The final result code, `>` for a prompt, undefined when none came (timeout, drop). */
  final?: string
  /** URCs (and payloads) that arrived after the step was sent and before the next. */
  urcs: Array<{ text: string; afterMs: number }>
  startedAtMs: number
  /** When no final result code came: how long atseq waited, and why the wait ended. */
  unanswered?: { waitedMs: number; outcome: Exclude<Exchange['outcome'], 'final' | 'prompt'> }
}

export interface CaptureSettings {
  chat: Chat
  profile: ChatProfile
  /** How long a command may take to its final result code (ms). */
  commandTimeoutMs: number
  /** Milliseconds on the chat's clock. */
  clock: () => number
}

/** Collects a session's steps; one per `atseq record`. */
export class CaptureSession {
  readonly steps: CapturedStep[] = []
  /** URCs that arrived before the first command (boot lines). */
  readonly beforeFirst: string[] = []
  /** Receives every line as it arrives, for the screen. */
  onLine: ((line: ChatLine) => void) | undefined
  readonly #settings: CaptureSettings
  readonly #unsubscribe: () => void
  #isPromptOpen = false
  #promptCommand = ''

  constructor(settings: CaptureSettings) {
    this.#settings = settings
    this.#unsubscribe = settings.chat.onLine(line => this.#keepLine(line))
  }

  /** Whether the modem is waiting for prompt data (its last answer was `>`). */
  get isPromptOpen(): boolean {
    return this.#isPromptOpen
  }

  /** Sends a command line and waits for its final result code or prompt. */
  async sendCommand(text: string, signal?: AbortSignal): Promise<Exchange> {
    const step = this.#startStep({ kind: 'command', text, end: 'none', command: text })
    const exchange = await this.#settings.chat.command(text, this.#waitOptions(signal))
    return this.#endStep(step, exchange)
  }

  /** Sends prompt data (plus Ctrl-Z or ESC) and waits for the final result code. */
  async sendData(text: string, end: DataEnd, signal?: AbortSignal): Promise<Exchange> {
    const step = this.#startStep({ kind: 'data', text, end, command: this.#promptCommand })
    const exchange = await this.#settings.chat.sendData(Buffer.from(text, 'utf8'), { ...this.#waitOptions(signal), end })
    return this.#endStep(step, exchange)
  }

  /**
   * Waits for the result URC of the last step's command when the profile names one (`+CMQTTCONNECT: 0,0`
   * after `AT+CMQTTCONNECT=...`), up to `timeoutMs`, then for `quietMs` more for URCs that follow it.
   */
  async settle(timeoutMs: number, quietMs: number, signal?: AbortSignal): Promise<void> {
    const last = this.steps.at(-1)
    const name = last && last.final !== '>' ? asyncResultNameOf(last.command, this.#settings.profile.urcs) : undefined
    if (name !== undefined && !last!.urcs.some(urc => urc.text.startsWith(`${name}:`))) {
      await this.#settings.chat.waitForUrc(line => line.text.startsWith(`${name}:`), { timeoutMs, ...(signal ? { signal } : {}) })
    }
    await this.listen(quietMs, signal)
  }

  /** Listens for URCs for `durationMs` (they are kept with the last step). */
  async listen(durationMs: number, signal?: AbortSignal): Promise<void> {
    await this.#settings.chat.waitForUrc(() => false, { timeoutMs: durationMs, ...(signal ? { signal } : {}) })
    // Kept already by the line listener; the chat's buffer need not grow for the whole session.
    this.#settings.chat.takeUrcs()
  }

  /** Stops listening to the chat. */
  close(): void {
    this.#unsubscribe()
  }

  #waitOptions(signal: AbortSignal | undefined): { timeoutMs: number; signal?: AbortSignal } {
    return { timeoutMs: this.#settings.commandTimeoutMs, ...(signal ? { signal } : {}) }
  }

  #startStep(fields: Pick<CapturedStep, 'kind' | 'text' | 'end' | 'command'>): CapturedStep {
    this.#settings.chat.takeUrcs()
    const step: CapturedStep = { ...fields, responses: [], urcs: [], startedAtMs: this.#settings.clock() }
    this.steps.push(step)
    return step
  }

  #endStep(step: CapturedStep, exchange: Exchange): Exchange {
    if (exchange.outcome === 'final' || exchange.outcome === 'prompt') step.final = exchange.outcome === 'prompt' ? '>' : exchange.final
    else step.unanswered = { waitedMs: this.#settings.clock() - step.startedAtMs, outcome: exchange.outcome }
    this.#isPromptOpen = exchange.outcome === 'prompt'
    if (this.#isPromptOpen) this.#promptCommand = step.command
    return exchange
  }

  #keepLine(line: ChatLine): void {
    this.onLine?.(line)
    const step = this.steps.at(-1)
    if (line.kind === 'urc' || line.kind === 'payload') {
      if (step) step.urcs.push({ text: line.text, afterMs: line.atMs - step.startedAtMs })
      else this.beforeFirst.push(line.text)
    } else if (line.kind === 'response' && step) step.responses.push(line.text)
  }
}
