/**
 * The chat layer: commands and prompt data over a Transport, URC routing, and the transcript.
 *
 * It reacts to each received chunk at once and writes each command as one write; the only timers
 * are the timeouts of waits in progress, each cleared by that wait's single `finish`.
 */
import { performance } from 'node:perf_hooks'
import type { LinkDrop, Transport } from '../model/transport.js'
import { AtFramer, type FrameEvent } from './at-framer.js'
import type { ChatProfile } from '../modem/chat-profile.js'
import type { ChatLine, DataEnd, Exchange, SendDataOptions, TranscriptSink, UrcWait, WaitOptions } from './chat-types.js'
import { classifyLine, isEchoOf } from './line-classifier.js'
import { UrcBuffer, type UrcTaker } from './urc-buffer.js'
import { StepWindow, type WindowOptions } from './step-window.js'
import { readPayloadLength } from '../modem/urc-rule.js'
import { startWait, type Wait } from './wait.js'

export interface ChatSettings {
  profile: ChatProfile
  /** Receives every byte both ways and atseq's notes. */
  transcript?: TranscriptSink
  /** Monotonic milliseconds; default `performance.now()` relative to the chat's creation. */
  clock?: () => number
  /** Longest line kept whole, in bytes (default 1 MiB). */
  maxLineBytes?: number
}

/** A command or data block waiting for its final result code. */
interface RunningExchange {
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

interface RunningUrcWait {
  startedAtMs: number
  isAbort?: (line: string) => boolean
  wait: Wait<UrcWait>
}

/** Thrown when a second command or data block is started while one is running: a caller bug, not a modem outcome. */
export class ChatBusyError extends Error {
  readonly code = 'chat-busy'
  constructor(readonly runningCommand: string) {
    super(`a command is still running: ${runningCommand}`)
    this.name = 'ChatBusyError'
  }
}

const endBytes: Record<DataEnd, Buffer> = {
  none: Buffer.alloc(0),
  'ctrl-z': Buffer.from([0x1a]),
  esc: Buffer.from([0x1b]),
}

export class Chat {
  readonly #transport: Transport
  readonly #profile: ChatProfile
  readonly #transcript: TranscriptSink | undefined
  readonly #clock: () => number
  readonly #framer: AtFramer
  readonly #urcs = new UrcBuffer()
  readonly #urcWaits = new Set<RunningUrcWait>()
  readonly #lineListeners = new Set<(line: ChatLine) => void>()
  #running: RunningExchange | undefined
  #lastCommand: string | undefined
  /** Whether the modem echoed the last command (ATE1): then it echoes prompt data too. */
  #isEchoOn = false
  #drop: LinkDrop | undefined
  readonly #onData = (chunk: Buffer): void => {
    this.#receive(chunk)
  }
  readonly #onDrop = (drop: LinkDrop): void => {
    this.#handleDrop(drop)
  }

  constructor(transport: Transport, settings: ChatSettings) {
    this.#transport = transport
    this.#profile = settings.profile
    this.#transcript = settings.transcript
    this.#clock = settings.clock ?? startMonotonicClock()
    const { urcs, maxPayloadBytes } = settings.profile
    this.#framer = new AtFramer({
      prompt: settings.profile.prompt,
      payloadLengthOf: line => readPayloadLength(line, urcs, maxPayloadBytes),
      ...(settings.maxLineBytes === undefined ? {} : { maxLineBytes: settings.maxLineBytes }),
    })
    transport.on('data', this.#onData)
    transport.on('drop', this.#onDrop)
  }

  /** The link drop that ended this chat, if the transport dropped. */
  get drop(): LinkDrop | undefined {
    return this.#drop
  }

  /** Writes `line + "\r"` in one write; resolves on a final result code or the data prompt. */
  command(line: string, options: WaitOptions): Promise<Exchange> {
    const exchange = this.#exchange('command', line, Buffer.from(`${line}\r`, 'utf8'), [line], options)
    this.#lastCommand = line
    return exchange
  }

  /** Writes prompt data (plus Ctrl-Z or ESC) as exactly one write; resolves on the final result code. */
  sendData(bytes: Buffer, options: SendDataOptions): Promise<Exchange> {
    const echo = this.#isEchoOn ? splitIntoLines(bytes) : []
    const written = Buffer.concat([bytes, endBytes[options.end]])
    return this.#exchange('data', this.#lastCommand ?? '', written, echo, options)
  }

  /** Waits for a URC: the oldest buffered match first, then new ones. The URC returned is consumed. */
  waitForUrc(matches: (urc: ChatLine) => boolean, options: WaitOptions): Promise<UrcWait> {
    const startedAtMs = this.#clock()
    const buffered = this.#urcs.takeFirst(matches)
    if (buffered !== undefined) return Promise.resolve({ outcome: 'matched', urc: buffered, startedAtMs, endedAtMs: startedAtMs })
    if (this.#drop !== undefined) {
      return Promise.resolve({ outcome: 'dropped', cause: this.#drop.cause, startedAtMs, endedAtMs: startedAtMs })
    }
    return this.#startUrcWait(matches, options, startedAtMs)
  }

  /** Opens a step window over what the modem says from now on (with `includeBuffered`, the unclaimed URCs too). */
  openWindow(options: WindowOptions = {}): StepWindow {
    const source = {
      ledger: this.#urcs,
      now: this.#clock,
      onLine: (listener: (line: ChatLine) => void) => this.onLine(listener),
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
    return () => {
      this.#lineListeners.delete(listener)
    }
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
    if (this.#running !== undefined) throw new ChatBusyError(this.#running.commandLine)
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
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      onTimeout: () => this.#endExchange(running, 'timeout', { cause: `no final result code within ${options.timeoutMs} ms` }),
      onCancel: () => this.#endExchange(running, 'cancelled', { cause: describeAbortReason(options.signal) }),
      cleanup: () => {
        if (this.#running === running) this.#running = undefined
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
    return { outcome, ...end, lines: running.lines, startedAtMs: running.startedAtMs, endedAtMs }
  }

  #startUrcWait(matches: (urc: ChatLine) => boolean, options: WaitOptions, startedAtMs: number): Promise<UrcWait> {
    const entry = { startedAtMs, isAbort: options.isAbort } as RunningUrcWait
    const taker: UrcTaker = { matches, take: urc => entry.wait.finish(this.#endUrcWait(entry, 'matched', { urc })) }
    entry.wait = startWait<UrcWait>({
      timeoutMs: options.timeoutMs,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      onTimeout: () => this.#endUrcWait(entry, 'timeout', { cause: `no matching URC within ${options.timeoutMs} ms` }),
      onCancel: () => this.#endUrcWait(entry, 'cancelled', { cause: describeAbortReason(options.signal) }),
      cleanup: () => {
        this.#urcs.removeTaker(taker)
        this.#urcWaits.delete(entry)
      },
    })
    if (!entry.wait.isDone) {
      this.#urcs.addTaker(taker)
      this.#urcWaits.add(entry)
    }
    return entry.wait.promise
  }

  #endUrcWait(entry: RunningUrcWait, outcome: UrcWait['outcome'], end: { urc?: ChatLine; cause?: string; abortLine?: string }): UrcWait {
    return { outcome, ...end, startedAtMs: entry.startedAtMs, endedAtMs: this.#clock() }
  }

  #receive(chunk: Buffer): void {
    this.#transcript?.({ atMs: this.#clock(), dir: 'rx', bytes: chunk })
    for (const event of this.#framer.push(chunk)) this.#handleFrame(event)
  }

  #handleFrame(event: FrameEvent): void {
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
    const kind =
      running !== undefined && this.#isEcho(running, text)
        ? 'echo'
        : classifyLine(text, {
            urcs: this.#profile.urcs,
            isExchangeRunning: running !== undefined,
            ...(running === undefined ? {} : { runningCommand: running.commandLine }),
          })
    const line: ChatLine = { atMs, kind, text, bytes }
    this.#announce(line)
    running?.lines.push(line)
    if (kind === 'urc' || running === undefined) this.#bufferUrc(line)
    if (running !== undefined) this.#settleOnLine(running, line)
  }

  #isEcho(running: RunningExchange, text: string): boolean {
    if (isEchoOf(text, running.echo[0])) {
      running.echo.shift()
      if (running.kind === 'command') this.#isEchoOn = true
      return true
    }
    // The first line that is not the echo means echo is off (ATE0): stop looking for it.
    if (running.echo.length > 0 && running.lines.length === 0) {
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
    for (const entry of [...this.#urcWaits]) {
      if (entry.isAbort?.(line.text) === true) {
        entry.wait.finish(this.#endUrcWait(entry, 'aborted', { cause: `abort line: ${line.text}`, abortLine: line.text }))
      }
    }
  }

  #announce(line: ChatLine): void {
    for (const listener of this.#lineListeners) listener(line)
  }

  #handleDrop(drop: LinkDrop): void {
    if (this.#drop !== undefined) return
    this.#drop = drop
    this.#endAllWaits('dropped', drop.cause)
  }

  #endAllWaits(outcome: 'dropped' | 'cancelled', cause: string): void {
    const running = this.#running
    if (running !== undefined) running.wait.finish(this.#endExchange(running, outcome, { cause }))
    for (const entry of [...this.#urcWaits]) entry.wait.finish(this.#endUrcWait(entry, outcome, { cause }))
  }
}

/** Creates a chat over an open transport. */
export function createChat(transport: Transport, settings: ChatSettings): Chat {
  return new Chat(transport, settings)
}

function startMonotonicClock(): () => number {
  const originMs = performance.now()
  return () => performance.now() - originMs
}

function splitIntoLines(bytes: Buffer): string[] {
  return bytes
    .toString('utf8')
    .split(/\r\n|\r|\n/)
    .filter(line => line.length > 0)
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function describeAbortReason(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason
  if (reason instanceof Error) return `cancelled: ${reason.message}`
  return reason === undefined ? 'cancelled' : `cancelled: ${String(reason)}`
}
