/**
 * `replay://path/to/run.json`: a recorded run (its JSON record, or a session written by `atseq record`)
 * answering as the device did. Each host write must be the next command the recording sent (masked parts
 * of the recording match anything); the device's bytes that followed it come back at their recorded offsets
 * (or at once with `?fast=1`). A write the recording never saw drops the link with a cause naming the step.
 */
import { readFileSync } from 'node:fs'
import type { RecordedBrokerMessage, TranscriptEntry } from '../model/run-record.js'
import { LinkEvents } from './link-events.js'
import type { Transport } from '../model/transport.js'
import { TransportError } from './transport-error.js'

/** What a replay needs from a recording: a run record has all of it; a session needs only the transcript. */
export interface ReplaySource {
  transcript: TranscriptEntry[]
  steps?: Array<{ phase: string; no: string; action: string; transcript: { from: number; to: number } }>
  broker?: { messages: RecordedBrokerMessage[] }
}

/** Bytes the device sent, `offsetMs` after the write that came before them. */
export interface ReplayChunk {
  offsetMs: number
  bytes: Buffer
}

/** One host write of the recording and what the device answered until the next write. */
export interface ReplayExchange {
  /** The recording's clock when the host wrote it. */
  atMs: number
  written: Buffer
  replies: ReplayChunk[]
  /** `step 9`, `teardown step t1`, or `device identification` for writes outside every step. */
  label: string
  isInStep: boolean
}

/** A recording turned into what the replay plays: bytes before the first write, then the exchanges. */
export interface ReplayScript {
  name: string
  boot: ReplayChunk[]
  exchanges: ReplayExchange[]
  brokerMessages?: RecordedBrokerMessage[]
}

// The masker's replacement, as written into records: a masked stretch of a recorded write matches anything.
const MASKED = '••••••'

/** Reads a recording from disk; throws an `open-failed` TransportError saying what is wrong with it. */
export function readReplaySource(url: string, path: string): ReplaySource {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new TransportError('open-failed', url, `cannot read the recording ${path}: ${(error as Error).message}`, {
      hint: 'give the JSON record of a run (reports/<name>-<time>.json) or a session written by atseq record --session',
      cause: error,
    })
  }
  if (!isReplaySource(parsed)) {
    throw new TransportError('open-failed', url, `${path} is not a run record: it has no transcript`, {
      hint: 'give the .json report of a run',
    })
  }
  return parsed
}

function isReplaySource(value: unknown): value is ReplaySource {
  return typeof value === 'object' && value !== null && Array.isArray((value as ReplaySource).transcript)
}

/** Folds a transcript into exchanges: each `tx` with the `rx` after it, labelled by the step it belongs to. */
export function buildReplayScript(source: ReplaySource, name: string): ReplayScript {
  const boot: ReplayChunk[] = []
  const exchanges: ReplayExchange[] = []
  source.transcript.forEach((entry, index) => {
    if (entry.dir === 'note') return
    const bytes = Buffer.from(entry.data, 'base64')
    const current = exchanges.at(-1)
    if (entry.dir === 'tx') exchanges.push({ atMs: entry.atMs, written: bytes, replies: [], ...labelWrite(source, index) })
    else if (current === undefined) boot.push({ offsetMs: entry.atMs, bytes })
    else current.replies.push({ offsetMs: Math.max(0, entry.atMs - current.atMs), bytes })
  })
  return { name, boot, exchanges, ...(source.broker ? { brokerMessages: source.broker.messages } : {}) }
}

function labelWrite(source: ReplaySource, index: number): { label: string; isInStep: boolean } {
  // A recorded session (atseq record) has no steps: every write must then come in order.
  if (source.steps === undefined || source.steps.length === 0) return { label: `transcript entry ${index + 1}`, isInStep: true }
  const step = source.steps.find(s => s.transcript.from <= index && index < s.transcript.to)
  if (step === undefined) return { label: 'device identification', isInStep: false }
  const phase = step.phase === 'steps' ? '' : `${step.phase} `
  return { label: `${phase}step ${step.no}`, isInStep: true }
}

/** Whether the host's write is the recorded one; masked stretches of the recording match any bytes. */
export function isSameWrite(recorded: Buffer, written: Buffer): boolean {
  if (recorded.equals(written)) return true
  const text = recorded.toString('utf8')
  if (!text.includes(MASKED)) return false
  const pattern = text.split(MASKED).map(escapeRegExp).join('[\\s\\S]+?')
  return new RegExp(`^${pattern}$`).test(written.toString('utf8'))
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Shows written bytes as a user reads them: `AT+CMQTTPUB=0,1,60\r` → `AT+CMQTTPUB=0,1,60`, control bytes as \xNN. */
export function showWrite(bytes: Buffer): string {
  const text = bytes.toString('utf8').replace(/\r$/, '')
  return text.replace(/[\x00-\x1f\x7f]/g, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

/** A transport that plays a recording back. */
export class ReplayTransport extends LinkEvents implements Transport {
  readonly url: string
  readonly settings: Record<string, string | number | boolean>
  readonly #script: ReplayScript
  readonly #fast: boolean
  readonly #timers = new Set<NodeJS.Timeout>()
  /** Replies scheduled but not yet sent, oldest first; a new write sends them at once, as the recording had them before it. */
  #pending: Array<{ bytes: Buffer; timer: NodeJS.Timeout | undefined }> = []
  /** Index of the next exchange the host is expected to write. */
  #next = 0
  #state: 'new' | 'open' | 'closed' = 'new'

  constructor(url: string, script: ReplayScript, options: { fast: boolean }) {
    super()
    this.url = url
    this.#script = script
    this.#fast = options.fast
    this.settings = { recording: script.name, fast: options.fast, exchanges: script.exchanges.length }
  }

  async open(): Promise<void> {
    if (this.#state !== 'new') throw new TransportError('open-failed', this.url, `${this.url} was already opened`)
    this.#state = 'open'
    this.#schedule(this.#script.boot)
  }

  async write(bytes: Buffer): Promise<void> {
    if (this.#state !== 'open' || this.drop !== undefined) throw new TransportError('not-open', this.url, `${this.url} is not open`)
    this.#flushPending()
    const found = this.#findExchange(Buffer.from(bytes))
    if (found === undefined) {
      const cause = this.#describeUnknownWrite(Buffer.from(bytes))
      queueMicrotask(() => this.#dropWith(cause))
      return
    }
    this.#next = found + 1
    this.#schedule(this.#script.exchanges[found]!.replies)
  }

  async close(): Promise<void> {
    if (this.#state !== 'open') return
    this.#state = 'closed'
    this.#clearTimers()
  }

  /** How far the host got: the exchange it wrote last (undefined before the first write). */
  lastExchange(): ReplayExchange | undefined {
    return this.#script.exchanges[this.#next - 1]
  }

  /**
   * Broker messages the recording saw in the window of the host's last write: from the first write of
   * the same step up to the next write. Undefined when the recording kept no broker messages.
   */
  recordedBrokerMessages(): RecordedBrokerMessage[] | undefined {
    const messages = this.#script.brokerMessages
    if (messages === undefined) return undefined
    const last = this.#next - 1
    if (last < 0) return []
    const label = this.#script.exchanges[last]!.label
    let first = last
    while (first > 0 && this.#script.exchanges[first - 1]!.label === label) first -= 1
    const fromMs = this.#script.exchanges[first]!.atMs
    const toMs = this.#script.exchanges[this.#next]?.atMs ?? Number.POSITIVE_INFINITY
    return messages.filter(message => message.atMs >= fromMs && message.atMs <= toMs)
  }

  /** The next exchange, or past writes outside every step (device identification the host did not repeat). */
  #findExchange(bytes: Buffer): number | undefined {
    const { exchanges } = this.#script
    for (let index = this.#next; index < exchanges.length; index++) {
      const exchange = exchanges[index]!
      if (isSameWrite(exchange.written, bytes)) return index
      if (exchange.isInStep) return undefined
    }
    return undefined
  }

  #describeUnknownWrite(bytes: Buffer): string {
    const expected = this.#script.exchanges[this.#next]
    const sent = `\`${showWrite(bytes)}\``
    if (expected === undefined) {
      const last = this.#script.exchanges.at(-1)
      return `replay ${this.#script.name}: the host sent ${sent} after the recording ended${last ? ` (its last write was at ${last.label})` : ''}`
    }
    return `replay ${this.#script.name}: at ${expected.label} the recording has \`${showWrite(expected.written)}\` but the host sent ${sent}, which the recording never saw`
  }

  #schedule(chunks: readonly ReplayChunk[]): void {
    for (const chunk of chunks) {
      const entry: { bytes: Buffer; timer: NodeJS.Timeout | undefined } = { bytes: chunk.bytes, timer: undefined }
      // Never inside the host's write call, like a real link: a timer of 0 ms at least.
      entry.timer = setTimeout(() => this.#sendPendingUpTo(entry), this.#fast ? 0 : chunk.offsetMs)
      this.#timers.add(entry.timer)
      this.#pending.push(entry)
    }
  }

  /** Sends every pending reply up to and including `entry`, in recorded order. */
  #sendPendingUpTo(entry: { bytes: Buffer; timer: NodeJS.Timeout | undefined }): void {
    const at = this.#pending.indexOf(entry)
    if (at === -1) return
    const due = this.#pending.splice(0, at + 1)
    for (const item of due) this.#sendNow(item)
  }

  /** The host wrote again before the recorded replies were all due: they came before this write in the recording, so send them first. */
  #flushPending(): void {
    const due = this.#pending
    this.#pending = []
    for (const item of due) if (item.timer !== undefined) clearTimeout(item.timer)
    queueMicrotask(() => {
      for (const item of due) this.#sendNow(item)
    })
  }

  #sendNow(item: { bytes: Buffer; timer: NodeJS.Timeout | undefined }): void {
    if (item.timer !== undefined) {
      clearTimeout(item.timer)
      this.#timers.delete(item.timer)
    }
    if (this.#state === 'open' && this.drop === undefined) this.emitData(item.bytes)
  }

  #dropWith(cause: string): void {
    if (this.#state !== 'open') return
    this.#clearTimers()
    this.emitDrop({ cause })
  }

  #clearTimers(): void {
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
    this.#pending = []
  }
}

/** Opens nothing yet: reads the recording and builds the replay for `replay://<path>`. */
export function createReplayTransport(url: string, path: string, fast: boolean): ReplayTransport {
  const script = buildReplayScript(readReplaySource(url, path), path)
  return new ReplayTransport(url, script, { fast })
}
