/**
 * The chat layer: commands and prompt data over a Transport, URC routing, and the transcript. It reacts to each
 * chunk at once and writes each command as one write; its only timers are the waits' timeouts, each cleared once.
 */
import type { LinkDrop, Transport } from '../model/transport.js'
import { AtFramer, type FrameEvent, type FramerSettings } from './at-framer.js'
import type { ChatProfile } from '../modem/chat-profile.js'
import { startMonotonicClock, type ChatSettings } from './chat-settings.js'
import { encodePromptData, splitIntoLines } from './prompt-data.js'
import { ChatBusyError } from './chat-busy-error.js'
import type { ChatLine, Exchange, SendDataOptions, TranscriptSink, UrcWait, WaitOptions } from './chat-types.js'
import { classifyLine, describeLineContext, isEchoOf, isPromptLine } from './line-classifier.js'
import { UrcBuffer } from './urc-buffer.js'
import { StepWindow, type WindowOptions } from './step-window.js'
import { isUrcLine } from '../modem/urc-rule.js'
import { describeFramerSettings } from './describe-framer-settings.js'
import { describeAbortReason, describeError, describeTimeout, startWait } from './wait.js'
import { UrcWaiters } from './urc-waiters.js'
import { Listeners } from './listeners.js'
import type { RunningExchange } from './running-exchange.js'
import { DEFAULT_SETTLE_MS, OwedAnswer } from './owed-answer.js'
import { DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_STEP_BYTES, DEFAULT_MAX_STEP_LINES, ReceiveBudget, describeBytes } from './receive-budget.js'

export type { ChatSettings } from './chat-settings.js'
export { ChatBusyError } from './chat-busy-error.js'

export class Chat {
  readonly #transport: Transport
  readonly #profile: ChatProfile
  readonly #transcript: TranscriptSink | undefined
  readonly #clock: () => number
  #framer: AtFramer
  readonly #framerSettings: FramerSettings
  readonly #budget: ReceiveBudget
  readonly #urcs: UrcBuffer
  readonly #urcWaits: UrcWaiters
  readonly #lineListeners = new Set<(line: ChatLine) => void>()
  readonly #byteListeners = new Listeners<Buffer>()
  readonly #settleMs: number
  #running: RunningExchange | undefined
  /** A command or data block waiting for the previous command's late answer before it is written. */
  #pending: string | undefined
  #owed: OwedAnswer | undefined
  #lastCommand: string | undefined
  /** Whether the modem echoed the last command (ATE1): then it echoes prompt data too. */
  #isEchoOn = false
  #drop: LinkDrop | undefined
  readonly #onData = (chunk: Buffer): void => this.#receive(chunk)
  readonly #onDrop = (drop: LinkDrop): void => this.#handleDrop(drop)

  constructor(transport: Transport, settings: ChatSettings) {
    this.#transport = transport
    this.#profile = settings.profile
    this.#transcript = settings.transcript
    this.#clock = settings.clock ?? startMonotonicClock()
    this.#settleMs = settings.settleMs ?? settings.profile.settleMs ?? DEFAULT_SETTLE_MS
    this.#framerSettings = describeFramerSettings(settings.profile, settings.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES)
    this.#framer = new AtFramer(this.#framerSettings)
    this.#budget = new ReceiveBudget(settings.maxStepBytes ?? DEFAULT_MAX_STEP_BYTES, settings.maxStepLines ?? DEFAULT_MAX_STEP_LINES)
    this.#urcs = new UrcBuffer(this.#budget.maxBytes)
    this.#urcWaits = new UrcWaiters(this.#urcs, this.#clock)
    transport.on('data', this.#onData)
    transport.on('drop', this.#onDrop)
  }

  /** The link drop that ended this chat, if the transport dropped. */
  get drop(): LinkDrop | undefined {
    return this.#drop
  }

  /** Writes `line + "\r"` in one write; resolves on a final result code or the data prompt. */
  command(line: string, options: WaitOptions): Promise<Exchange> {
    const exchange = this.#exchange('command', line, Buffer.from(`${line}\r`), [line], options)
    this.#lastCommand = line
    return exchange
  }

  /** Writes prompt data (plus Ctrl-Z or ESC) as exactly one write; resolves on the final result code. */
  sendData(bytes: Buffer, options: SendDataOptions): Promise<Exchange> {
    const echo = this.#isEchoOn ? splitIntoLines(bytes) : []
    const written = encodePromptData(bytes, options.end)
    return this.#exchange('data', this.#lastCommand ?? '', written, echo, options)
  }

  /**
   * Writes bytes as they are, outside any exchange: in online data mode nothing answers them. It throws, as
   * `command` does, while an exchange runs.
   */
  async writeRaw(bytes: Buffer): Promise<void> {
    const busyWith = this.#running?.commandLine ?? this.#pending
    if (busyWith !== undefined) throw new ChatBusyError(busyWith)
    this.#transcript?.({ atMs: this.#clock(), dir: 'tx', bytes })
    await this.#transport.write(bytes)
  }

  /** How many received bytes the framer holds as an unfinished line (or payload): the last ones that came. */
  get unfinishedBytes(): number {
    return this.#framer.pendingBytes
  }

  /** Frames from a clean start: an unfinished line (raw bytes a step already read) never becomes a line. */
  dropUnfinishedLine(): void {
    this.#framer = new AtFramer(this.#framerSettings)
  }

  /** Waits for a URC: the oldest buffered match first, then new ones. The URC returned is consumed. */
  waitForUrc(matches: (urc: ChatLine) => boolean, options: WaitOptions): Promise<UrcWait> {
    return this.#urcWaits.wait(matches, options, this.#drop?.cause)
  }

  /** Opens a step window over what the modem says from now on (with `includeBuffered`, the unclaimed URCs too). */
  openWindow(options: WindowOptions = {}): StepWindow {
    this.#startBudget()
    const source = {
      ledger: this.#urcs,
      now: this.#clock,
      onLine: (listener: (line: ChatLine) => void) => this.onLine(listener),
      onBytes: (listener: (bytes: Buffer) => void) => this.#byteListeners.add(listener),
      waitForUrc: (matches: (urc: ChatLine) => boolean, wait: WaitOptions) => this.waitForUrc(matches, wait),
    }
    return new StepWindow(source, options)
  }

  /** Removes and returns every buffered URC. */
  takeUrcs(): ChatLine[] {
    return this.#urcs.takeAll()
  }

  /** The buffered URCs, oldest first, without consuming them. */
  peekUrcs(): readonly ChatLine[] {
    return this.#urcs.peek()
  }

  /** Calls `listener` with every classified line as it arrives; returns the unsubscribe function. */
  onLine(listener: (line: ChatLine) => void): () => void {
    this.#lineListeners.add(listener)
    return () => void this.#lineListeners.delete(listener)
  }

  /** Adds atseq's own remark to the transcript (a step boundary, a retry). */
  note(text: string): void {
    this.#transcript?.({ atMs: this.#clock(), dir: 'note', bytes: text })
  }

  /** Stops listening to the transport (which stays open) and ends every wait as `cancelled`. */
  detach(): void {
    this.#transport.off('data', this.#onData)
    this.#transport.off('drop', this.#onDrop)
    this.#endAllWaits('cancelled', 'chat detached')
  }

  #exchange(kind: RunningExchange['kind'], commandLine: string, written: Buffer, echo: string[], options: WaitOptions): Promise<Exchange> {
    const busyWith = this.#running?.commandLine ?? this.#pending
    if (busyWith !== undefined) throw new ChatBusyError(busyWith)
    const owed = this.#owed
    if (owed === undefined) return this.#write(kind, commandLine, written, echo, options)
    return this.#writeAfterSettle(owed, () => this.#write(kind, commandLine, written, echo, options), commandLine, options)
  }

  /**
   * Holds the next write until the previous command's owed final result code arrives or the settle time passes,
   * so a late `OK` is never the next command's answer. With echo on, whatever comes before the next echo is late.
   */
  async #writeAfterSettle(owed: OwedAnswer, write: () => Promise<Exchange>, commandLine: string, options: WaitOptions): Promise<Exchange> {
    this.#pending = commandLine
    const startedAtMs = this.#clock()
    const outcome = await owed.settle(options.settleMs ?? this.#settleMs, options.signal)
    this.#pending = undefined
    if (outcome === 'cancelled') {
      const cause = describeAbortReason(options.signal)
      return { outcome: 'cancelled', cause, lines: [], startedAtMs, endedAtMs: this.#clock() }
    }
    if (outcome === 'settled') {
      this.note(
        `${describeTimeout(`no late answer to \`${owed.commandLine}\``, options.settleMs ?? this.#settleMs)}; writing \`${commandLine}\``,
      )
      if (!this.#isEchoOn) this.#owed = undefined
    }
    return write()
  }

  #write(kind: RunningExchange['kind'], commandLine: string, written: Buffer, echo: string[], options: WaitOptions): Promise<Exchange> {
    this.#startBudget()
    const startedAtMs = this.#clock()
    if (this.#drop !== undefined) {
      return Promise.resolve({ outcome: 'dropped', cause: this.#drop.cause, lines: [], startedAtMs, endedAtMs: startedAtMs })
    }
    const running = this.#startExchange({ kind, commandLine, startedAtMs, echo, lines: [], isAbort: options.isAbort }, options)
    this.#transcript?.({ atMs: startedAtMs, dir: 'tx', bytes: written })
    this.#transport.write(written).catch((error: unknown) => {
      running.wait.finish(this.#endExchange(running, 'dropped', { cause: `write failed: ${describeError(error)}` }))
    })
    return running.wait.promise
  }

  #startExchange(fields: Omit<RunningExchange, 'wait'>, options: WaitOptions): RunningExchange {
    const running = fields as RunningExchange
    running.wait = startWait<Exchange>({
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      onTimeout: () => this.#endExchange(running, 'timeout', { cause: describeTimeout('no final result code', options.timeoutMs) }),
      onCancel: () => this.#endExchange(running, 'cancelled', { cause: describeAbortReason(options.signal) }),
      cleanup: () => {
        this.#running = undefined
      },
    })
    if (!running.wait.isDone) this.#running = running
    return running
  }

  #endExchange(
    running: RunningExchange,
    outcome: Exchange['outcome'],
    end: { final?: string; cause?: string; abortLine?: string },
  ): Exchange {
    const endedAtMs = this.#clock()
    if (end.cause !== undefined) this.#transcript?.({ atMs: endedAtMs, dir: 'note', bytes: `${outcome}: ${end.cause}` })
    // Ended before its final result code: the modem still owes it, and it must not answer the next command.
    if (outcome === 'timeout' || outcome === 'cancelled' || outcome === 'aborted') this.#owed = new OwedAnswer(running.commandLine)
    return { outcome, ...end, lines: running.lines, startedAtMs: running.startedAtMs, endedAtMs }
  }

  #receive(chunk: Buffer): void {
    const verdict = this.#budget.take(chunk.length)
    if (verdict === 'drop') return
    if (verdict === 'overflow') return this.#overflow(this.#budget.cause ?? '')
    this.#transcript?.({ atMs: this.#clock(), dir: 'rx', bytes: chunk })
    this.#byteListeners.emit(chunk)
    for (const event of this.#framer.push(chunk)) {
      if (event.kind === 'too-long') return this.#overflow(`a line longer than ${describeBytes(event.limitBytes)}`)
      if (event.kind !== 'prompt' && !this.#budget.takeLine()) return this.#overflow(this.#budget.cause ?? '')
      this.#handleFrame(event)
    }
  }

  /** Too much arrived: the running exchange and URC waits end, and received bytes are dropped until the next step. */
  #overflow(cause: string): void {
    this.#budget.exceed(cause)
    this.note(`the modem sent ${cause}; dropping what it sends until the next step`)
    const running = this.#running
    if (running !== undefined) running.wait.finish(this.#endExchange(running, 'overflow', { cause }))
    this.#urcWaits.endAll('overflow', cause)
  }

  #startBudget(): void {
    const spent = this.#budget.reset()
    if (spent === undefined) return
    this.note(`dropped ${spent.droppedBytes} bytes after ${spent.cause}`)
    // The dropped bytes ended mid-line: frame what comes next from a clean start.
    this.#framer = new AtFramer(this.#framerSettings)
  }

  /** A line past its limit never gets here: `#receive` ends the step on it first. */
  #handleFrame(event: Exclude<FrameEvent, { kind: 'too-long' }>): void {
    const atMs = this.#clock()
    switch (event.kind) {
      case 'prompt':
        return this.#handlePrompt({ atMs, kind: 'prompt', text: event.text })
      case 'payload':
        return this.#handlePayload({ atMs, kind: 'payload', text: event.text, bytes: event.bytes })
      case 'line':
        return this.#handleLine(event.text, event.bytes, atMs)
    }
  }

  #handlePrompt(line: ChatLine): void {
    this.#announce(line)
    const running = this.#running
    if (running === undefined) return this.#bufferUrc(line)
    running.lines.push(line)
    running.wait.finish(this.#endExchange(running, 'prompt', { final: line.text }))
  }

  /** The raw bytes after a payload URC belong to that URC: buffered with it, and part of a running exchange's window. */
  #handlePayload(line: ChatLine): void {
    this.#announce(line)
    this.#running?.lines.push(line)
    this.#bufferUrc(line)
  }

  #handleLine(text: string, bytes: Buffer, atMs: number): void {
    const running = this.#running
    if (running?.kind === 'command' && isPromptLine(text, this.#profile)) return this.#handlePrompt({ atMs, kind: 'prompt', text })
    const owed = this.#owed
    const kind =
      owed !== undefined && (running === undefined || running.echo.length > 0) ? this.#classifyOwed(owed, text) : this.#classify(text)
    const line: ChatLine = { atMs, kind, text, bytes }
    this.#announce(line)
    if (kind === 'late') return this.note(`late answer to \`${owed?.commandLine ?? ''}\`, after its step ended: ${text}`)
    running?.lines.push(line)
    if (kind === 'urc' || running === undefined) this.#bufferUrc(line)
    if (running !== undefined) this.#settleOnLine(running, line)
  }

  #classify(text: string): ChatLine['kind'] {
    const running = this.#running
    if (running !== undefined && this.#isEcho(running, text)) return 'echo'
    return classifyLine(text, describeLineContext(this.#profile, running !== undefined, running?.commandLine))
  }

  /** While a final result code is owed, a response line or final belongs to the owing command; URCs stay URCs. */
  #classifyOwed(owed: OwedAnswer, text: string): ChatLine['kind'] {
    const running = this.#running
    if (running !== undefined && isEchoOf(text, running.echo[0])) {
      running.echo.shift()
      this.#owed = undefined
      return 'echo'
    }
    const kind = classifyLine(text, describeLineContext(this.#profile, true, owed.commandLine))
    if (kind === 'urc') return 'urc'
    if (kind === 'final') {
      this.#owed = undefined
      owed.release()
    }
    return 'late'
  }

  #isEcho(running: RunningExchange, text: string): boolean {
    if (isEchoOf(text, running.echo[0])) {
      running.echo.shift()
      this.#isEchoOn = true
      return true
    }
    // The first line that is not the echo means echo is off (ATE0): stop looking for it. A URC is not
    // that line: modems send URCs between the prompt and the echoed data.
    const isUrc = (line: string): boolean => isUrcLine(line, this.#profile.urcs, running.commandLine)
    if (running.echo.length > 0 && !isUrc(text) && running.lines.every(line => line.kind === 'urc' || line.kind === 'payload')) {
      running.echo = []
      if (running.kind === 'command') this.#isEchoOn = false
    }
    return false
  }

  #settleOnLine(running: RunningExchange, line: ChatLine): void {
    if (line.kind === 'echo') return
    if (line.kind === 'final') {
      running.wait.finish(this.#endExchange(running, 'final', { final: line.text }))
    } else if (running.isAbort?.(line.text) === true) {
      running.wait.finish(this.#endExchange(running, 'aborted', { cause: `abort line: ${line.text}`, abortLine: line.text }))
    }
  }

  /** Buffers a URC (or a line nobody asked for) for waiters, then lets running URC waits abort on it. */
  #bufferUrc(line: ChatLine): void {
    this.#urcs.push(line)
    this.#urcWaits.abortOn(line)
  }

  #announce(line: ChatLine): void {
    for (const listener of this.#lineListeners) listener(line)
  }

  #handleDrop(drop: LinkDrop): void {
    if (this.#drop !== undefined) return
    this.#drop = drop
    this.#owed?.release()
    this.#endAllWaits('dropped', drop.cause)
  }

  #endAllWaits(outcome: 'dropped' | 'cancelled', cause: string): void {
    const running = this.#running
    if (running !== undefined) running.wait.finish(this.#endExchange(running, outcome, { cause }))
    this.#urcWaits.endAll(outcome, cause)
  }
}

/** Creates a chat over an open transport. */
export function createChat(transport: Transport, settings: ChatSettings): Chat {
  return new Chat(transport, settings)
}
