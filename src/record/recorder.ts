/**
 * Folds what happens during a run into a RunRecord, masking as it goes, and streams the
 * transcript to disk line by line so a crash or a pulled cable still leaves it behind.
 */
import { closeSync, openSync, writeSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import type { Masker } from './masker.js'
import {
  RUN_RECORD_SCHEMA_VERSION,
  type DeviceIdentity,
  type RunRecord,
  type RunStatus,
  type StepResult,
  type StepStatus,
  type TranscriptEntry,
} from '../model/run-record.js'
import { formatTranscriptLine } from './transcript-text.js'

export type RecordHeader = Pick<RunRecord, 'atseqVersion' | 'sequence' | 'device' | 'commandLine'>

export interface RecorderOptions {
  header: RecordHeader
  masker: Masker
  /** Where the transcript is streamed as text while the run goes; none when undefined. */
  transcriptPath?: string
  /** Clock in ms; defaults to performance.now(). */
  now?: () => number
  /** Receives each transcript entry, masked, as it is recorded (`atseq run --verbose`). */
  onEntry?: (entry: TranscriptEntry) => void
}

/** Collects a run's transcript and step results; one per run. */
export class Recorder {
  private readonly transcript: TranscriptEntry[] = []
  private readonly steps: StepResult[] = []
  private readonly startedAt = new Date()
  private readonly startMs: number
  private readonly now: () => number
  private rxPending: { atMs: number; bytes: Buffer } | undefined
  private identity: DeviceIdentity = {}
  private settings: Record<string, string | number | boolean> = {}
  private streamFd: number | undefined

  constructor(private readonly options: RecorderOptions) {
    this.now = options.now ?? (() => performance.now())
    this.startMs = this.now()
    if (options.transcriptPath) this.streamFd = openSync(options.transcriptPath, 'w')
  }

  /** Milliseconds since the run started. */
  elapsedMs(): number {
    return this.now() - this.startMs
  }

  /** Records one host write (a command line or prompt data) as one entry. */
  recordTx(bytes: Buffer): void {
    this.flushRx()
    this.push({ atMs: this.elapsedMs(), dir: 'tx', data: this.options.masker.maskBytes(bytes).toString('base64') })
  }

  /**
   * Records received bytes. They are held until they end with a line end (or a step ends) so
   * that a secret split across two reads is still masked whole; the entry keeps the first byte's time.
   */
  recordRx(bytes: Buffer): void {
    this.rxPending = this.rxPending
      ? { atMs: this.rxPending.atMs, bytes: Buffer.concat([this.rxPending.bytes, bytes]) }
      : { atMs: this.elapsedMs(), bytes }
    const last = this.rxPending.bytes.at(-1)
    if (last === 0x0a || last === 0x0d) this.flushRx()
  }

  /** Records a remark of atseq's own (a drop, an interrupt, a phase change). */
  recordNote(text: string): void {
    this.flushRx()
    this.push({ atMs: this.elapsedMs(), dir: 'note', data: this.options.masker.mask(text) })
  }

  /** Index of the next transcript entry; a step's slice is [mark at start, mark at end). */
  markTranscript(): number {
    this.flushRx()
    return this.transcript.length
  }

  /** Records a step's result with everything it shows of the wire (action, lines, reason, captures) masked; returns what it kept. */
  recordStep(step: StepResult): StepResult {
    const { masker } = this.options
    const recorded: StepResult = {
      ...step,
      ...(step.description === undefined ? {} : { description: masker.mask(step.description) }),
      action: masker.mask(step.action),
      expected: masker.maskDeep(step.expected),
      received: masker.maskDeep(step.received),
      ...(step.reason === undefined ? {} : { reason: masker.mask(step.reason) }),
      captures: masker.maskDeep(step.captures),
      unexpectedUrcs: masker.maskDeep(step.unexpectedUrcs),
      ...(step.attemptLog === undefined ? {} : { attemptLog: masker.maskDeep(step.attemptLog) }),
    }
    this.steps.push(recorded)
    return recorded
  }

  /** The device's identity, masked like everything else (the IMEI is masked unless opted out). */
  recordIdentity(identity: DeviceIdentity): void {
    const mask = (value: string | undefined): string | undefined => (value === undefined ? undefined : this.options.masker.mask(value))
    this.identity = Object.fromEntries(Object.entries(identity).map(([key, value]) => [key, mask(value)])) as DeviceIdentity
  }

  /** The port settings the device was opened with (baud, parity...), for the report's provenance. */
  setDeviceSettings(settings: Record<string, string | number | boolean>): void {
    this.settings = settings
  }

  /** Ends the run: closes the stream and returns the finished record. */
  finish(status: RunStatus, exitCode: number, endReason?: string): RunRecord {
    this.flushRx()
    this.closeStream()
    const { header, masker } = this.options
    return {
      schemaVersion: RUN_RECORD_SCHEMA_VERSION,
      ...header,
      commandLine: header.commandLine.map(arg => masker.mask(arg)),
      device: { ...header.device, url: masker.mask(header.device.url), settings: masker.maskDeep(this.settings), identity: this.identity },
      startedAt: this.startedAt.toISOString(),
      durationMs: Math.round(this.elapsedMs() * 1000) / 1000,
      status,
      exitCode,
      ...(endReason === undefined ? {} : { endReason }),
      counts: countSteps(this.steps),
      steps: this.steps,
      transcript: this.transcript,
    }
  }

  private flushRx(): void {
    if (!this.rxPending) return
    this.pushRx(this.rxPending.atMs, this.rxPending.bytes)
    this.rxPending = undefined
  }

  private pushRx(atMs: number, bytes: Buffer): void {
    this.push({ atMs, dir: 'rx', data: this.options.masker.maskBytes(bytes).toString('base64') })
  }

  private push(entry: TranscriptEntry): void {
    this.transcript.push(entry)
    if (this.streamFd !== undefined) writeSync(this.streamFd, formatTranscriptLine(entry) + '\n')
    this.options.onEntry?.(entry)
  }

  private closeStream(): void {
    if (this.streamFd === undefined) return
    closeSync(this.streamFd)
    this.streamFd = undefined
  }
}

/** Counts steps by status. */
export function countSteps(steps: readonly StepResult[]): Record<StepStatus, number> {
  const counts: Record<StepStatus, number> = { passed: 0, failed: 0, errored: 0, skipped: 0 }
  for (const step of steps) counts[step.status] += 1
  return counts
}
