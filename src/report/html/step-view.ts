/** One table row of the HTML report: a step's action, expectations, what arrived, result and transcript. */
import type { ReceivedLine, RunRecord, StepAttempt, StepResult, StepStatus, TranscriptEntry } from '../../model/run-record.js'
import type { Phase } from '../../model/sequence.js'
import { formatDurationMs } from '../text/format-duration.js'
import { formatElapsedMs, formatTranscriptEntry, stepTranscriptRange } from '../text/format-transcript.js'
import { listBrokerLines } from './broker-evidence.js'

/** A line of the Received column: what the modem said, or what the broker or a far-side server received. */
export interface ReceivedView {
  kind: ReceivedLine['kind'] | 'broker'
  text: string
}

/** One attempt of a retried step as the report lists it. */
export interface AttemptView {
  /** `Attempt 2`. */
  label: string
  /** `+1.234 s`: when it started, on the run's clock. */
  start: string
  duration: string
  status: 'passed' | 'failed' | 'errored'
  statusLabel: string
  /** What arrived in its window, line by line. */
  received: string[]
  /** Why it did not pass. */
  reason?: string
}

export interface CaptureView {
  name: string
  value: string
}

export interface TranscriptLineView {
  time: string
  dir: 'tx' | 'rx' | 'note'
  /** `→` host to modem, `←` modem to host, `•` a note from atseq. */
  arrow: string
  /** The direction padded to a common width: `tx  `, `rx  `, `note`. */
  dirLabel: string
  text: string
  hex: string
}

export interface StepView {
  /** The row's id, unique in the report: `step-<index>`. */
  anchor: string
  no: string
  /** The title of the step's phase: `Setup`, `Steps`, `Teardown`. */
  phaseTitle: string
  description?: string
  command: string
  actionKind: StepResult['actionKind']
  expected: string[]
  received: ReceivedView[]
  /** The step's status, or `todo` for a row the importer kept as a todo (recorded as errored). */
  status: StepStatus | 'todo'
  statusLabel: string
  isFailure: boolean
  reason?: string
  /** `1.25 s`, plus the attempts when there was more than one: `1.25 s · 3 attempts`. */
  timing: string
  attempts: number
  /** Each attempt of a step tried more than once (empty otherwise), on success too. */
  attemptRows: AttemptView[]
  captures: CaptureView[]
  unexpectedUrcs: string[]
  /** The transcript slice formatted; empty when the view was built without it (the page script draws it). */
  transcript: TranscriptLineView[]
  /** How many transcript entries the step has, formatted or not. */
  transcriptCount: number
  /** Summary of the transcript slice: `4 entries from +1.234 s`. */
  transcriptLabel: string
  /** Where the step is written: `line 12:5` in the sequence file, else `file:line:col`. */
  location: string
  /** Failed and errored steps show their transcript open. */
  openTranscript: boolean
  /** Whether the row under the step (reason, URCs, captures, transcript) has anything to show. */
  hasDetails: boolean
  /** Milliseconds since the run started, and how long the step took (for the timeline). */
  startedAtMs: number
  durationMs: number
}

/** The title of each phase, as the table's group rows show it. */
export const PHASE_TITLES: Record<Phase, string> = { setup: 'Setup', steps: 'Steps', teardown: 'Teardown' }

const STEP_STATUS_LABELS: Record<StepStatus, string> = { passed: 'PASS', failed: 'FAIL', errored: 'ERROR', skipped: 'SKIP' }
const ARROWS: Record<TranscriptLineView['dir'], string> = { tx: '→', rx: '←', note: '•' }

/** Is this a row the importer could not read, kept as a todo? It is no pass, and no modem failure either. */
export function isTodo(step: Pick<StepResult, 'failure'>): boolean {
  return step.failure?.kind === 'todo'
}

/** Is this a step that did not pass for a reason worth attention (failed or errored)? */
export function isFailure(status: StepStatus): boolean {
  return status === 'failed' || status === 'errored'
}

/** Builds the view of the step at `index` of the run. */
export function buildStepView(record: RunRecord, step: StepResult, index: number, withTranscript = true): StepView {
  const timeWidth = formatElapsedMs(record.durationMs).length
  const { from, to } = stepTranscriptRange(record, step)
  // Formatting every entry (hex and all) of a long run costs more than the rest of the view together; a step shown
  // without it needs only its count and first entry, not a copy of its slice.
  const transcript = withTranscript ? record.transcript.slice(from, to).map(entry => toTranscriptLineView(entry, timeWidth)) : []
  // The optional keys are set after the literal, not spread into it (which makes a slow-mode object per step).
  const view: StepView = {
    anchor: `step-${index}`,
    no: step.no,
    phaseTitle: PHASE_TITLES[step.phase] ?? String(step.phase),
    command: step.action,
    actionKind: step.actionKind,
    expected: step.expected,
    received: [...step.received.map(line => ({ kind: line.kind, text: line.text })), ...listBrokerLines(record, step)],
    status: isTodo(step) ? 'todo' : step.status,
    statusLabel: isTodo(step) ? 'TODO' : (STEP_STATUS_LABELS[step.status] ?? String(step.status)),
    isFailure: isFailure(step.status),
    timing: describeTiming(step),
    attempts: step.attempts,
    attemptRows: (step.attemptLog ?? []).map(toAttemptView),
    captures: Object.entries(step.captures).map(([name, value]) => ({ name, value })),
    unexpectedUrcs: step.unexpectedUrcs,
    transcript,
    transcriptCount: to - from,
    transcriptLabel: describeTranscript(record.transcript[from], to - from, timeWidth),
    location: describeLocation(step.at, record.sequence.file),
    openTranscript: isFailure(step.status),
    hasDetails: hasDetails(step, to - from),
    startedAtMs: step.startedAtMs,
    durationMs: step.durationMs,
  }
  if (step.description !== undefined) view.description = step.description
  if (step.reason !== undefined) view.reason = step.reason
  return view
}

function hasDetails(step: StepResult, transcriptLength: number): boolean {
  return (
    step.reason !== undefined ||
    step.unexpectedUrcs.length > 0 ||
    Object.keys(step.captures).length > 0 ||
    transcriptLength > 0 ||
    (step.attemptLog?.length ?? 0) > 0
  )
}

function toAttemptView(attempt: StepAttempt): AttemptView {
  return {
    label: `Attempt ${attempt.n}`,
    start: `${formatElapsedMs(attempt.startedAtMs)} s`,
    duration: formatDurationMs(attempt.durationMs),
    status: attempt.status,
    statusLabel: STEP_STATUS_LABELS[attempt.status],
    received: attempt.received.map(line => line.text),
    ...(attempt.reason === undefined ? {} : { reason: attempt.reason }),
  }
}

/** Says how long a step took and, when it was retried, how many attempts it made. */
export function describeTiming(step: Pick<StepResult, 'status' | 'durationMs' | 'attempts'>): string {
  if (step.status === 'skipped') return 'not run'
  const duration = formatDurationMs(step.durationMs)
  return step.attempts > 1 ? `${duration} · ${step.attempts} attempts` : duration
}

// Times are padded to the run's widest and directions to `note`, so entries line up in monospace.
function toTranscriptLineView(entry: RunRecord['transcript'][number], timeWidth: number): TranscriptLineView {
  const line = formatTranscriptEntry(entry)
  return { ...line, time: line.time.padStart(timeWidth), dir: line.dir, dirLabel: line.dir.padEnd(4), arrow: ARROWS[line.dir] ?? '?' }
}

/** Says where a step is written; the sequence's own file is named once in the provenance, so only its line is shown. */
export function describeLocation(at: StepResult['at'], sequenceFile: string): string {
  return at.file === sequenceFile ? `line ${at.line}:${at.col}` : `${at.file}:${at.line}:${at.col}`
}

function describeTranscript(first: TranscriptEntry | undefined, count: number, timeWidth: number): string {
  if (first === undefined || count === 0) return 'no transcript'
  const time = formatElapsedMs(first.atMs).padStart(timeWidth)
  return count === 1 ? `1 entry at ${time} s` : `${count} entries from ${time} s`
}
