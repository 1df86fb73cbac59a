/**
 * The run record: everything a run produced, as plain data. Reports read only this.
 * Its JSON form is published as `schemas/run-record.schema.json` (versioned by `schemaVersion`).
 */
import type { Phase } from './sequence.js'

export const RUN_RECORD_SCHEMA_VERSION = 1

/** One chunk of bytes on the wire, or a note from atseq itself (a drop, a timeout). */
export interface TranscriptEntry {
  /** Milliseconds since the run started (monotonic clock). */
  atMs: number
  /** `tx`: host to modem; `rx`: modem to host; `note`: atseq's own remark. */
  dir: 'tx' | 'rx' | 'note'
  /** The bytes as base64 (masked where a secret appeared), or the note's text for `note`. */
  data: string
}

export type StepStatus = 'passed' | 'failed' | 'errored' | 'skipped'

/**
 * Why a step did not pass, as a code that tools and tests match on (the `reason` beside it is the sentence a
 * person reads). A failure (a check did not hold) and an error (the step could not run) have their own kinds.
 */
export type StepFailureKind =
  /** The final result code was not the expected one. */
  | 'final-mismatch'
  /** No final result code arrived in time. */
  | 'no-final'
  /** An expected response line did not arrive. */
  | 'missing-line'
  /** Bytes an `expect: { raw: ... }` names did not arrive within the step's window. */
  | 'missing-bytes'
  /** An expected URC did not arrive within the step's window. */
  | 'urc-timeout'
  /** The command's own result URC arrived with another result. */
  | 'result-mismatch'
  /** A line that must not appear arrived. */
  | 'forbidden-line'
  /** An abort line arrived. */
  | 'aborted'
  /** The broker did not receive what the step expects. */
  | 'broker-mismatch'
  /** The step uses a broker and the run has none. */
  | 'broker-missing'
  /** A far-side server did not receive what a `server:` check expects within the step's window. */
  | 'server-timeout'
  /** The step names a far-side server the run does not have (a real device has no `network`; a replay has none). */
  | 'server-missing'
  /** A far-side server could not perform a `serve:` action (no open connection, unsupported action). */
  | 'server-action-failed'
  /** The link to the modem dropped. */
  | 'link-dropped'
  /** The modem sent more than atseq keeps for one step (or one line longer than its limit). */
  | 'too-much-data'
  /** The user interrupted the run (Ctrl-C). */
  | 'interrupted'
  /** The step itself is wrong (a template, a regex): the input, not the modem. */
  | 'invalid-step'
  /** A row the importer could not read, kept as a todo. */
  | 'todo'
  /** atseq itself failed during the step (a bug): the step says nothing of the modem; teardown still runs. */
  | 'crashed'

export interface StepFailure {
  kind: StepFailureKind
}
export type RunStatus = 'passed' | 'failed' | 'errored' | 'interrupted'

/**
 * A line as it arrived: its text, and for payload URCs the bytes read by length. `server` lines are what a far-side
 * server received in the step's window (`tcp #1: hello`), shown beside what the modem said.
 */
export interface ReceivedLine {
  atMs: number
  kind: 'response' | 'urc' | 'final' | 'echo' | 'prompt' | 'payload' | 'server'
  text: string
}

/** One attempt of a step that was tried more than once: when it started, how long it took, what it got and why it did not pass. */
export interface StepAttempt {
  /** 1 for the first attempt. */
  n: number
  /** Milliseconds since the run started. */
  startedAtMs: number
  durationMs: number
  status: 'passed' | 'failed' | 'errored'
  reason?: string
  failure?: StepFailure
  /** What arrived in this attempt's window, masked. */
  received: ReceivedLine[]
}

export interface StepResult {
  phase: Phase
  no: string
  description?: string
  /** What the step did, as a user reads it: `AT+CMQTTSTART`, `data: qwerty (6 bytes)`, `sleep 2s`. */
  action: string
  actionKind: 'send' | 'data' | 'wait' | 'sleep' | 'publish' | 'serve' | 'check' | 'todo'
  /** Expectations as written (rendered, masked), in display form: `OK`, `/^\+CSQ: (?<rssi>\d+)/`, `not: ERROR`, `urc: +CMQTTSTART: 0`. */
  expected: string[]
  /** What arrived in the step's window, masked. */
  received: ReceivedLine[]
  status: StepStatus
  /** A sentence saying why the step failed or errored (or was skipped). */
  reason?: string
  /** The code of why the step failed or errored. */
  failure?: StepFailure
  startedAtMs: number
  durationMs: number
  /** Attempts made (1 when no retry was needed). */
  attempts: number
  /** Each attempt, when more than one was made (a retried step, whether it passed in the end or not). */
  attemptLog?: StepAttempt[]
  /** Variables captured by this step's named groups (masked when secret). */
  captures: Record<string, string>
  /** URCs that arrived during the step and that none of its expectations used. */
  unexpectedUrcs: string[]
  /** Index range [from, to) into the run's transcript covering this step. */
  transcript: { from: number; to: number }
  /** Where the step is written. */
  at: { file: string; line: number; col: number }
}

export interface DeviceIdentity {
  manufacturer?: string
  model?: string
  revision?: string
  /** Masked unless the user opted out of masking identifiers. */
  imei?: string
}

/** A message the run's broker received, on the run's clock; kept so a replay can judge `broker:` checks and a diff can compare. */
export interface RecordedBrokerMessage {
  /** Milliseconds since the run started (same clock as the transcript). */
  atMs: number
  topic: string
  /** The payload as base64, masked like the transcript. */
  payload: string
  qos: 0 | 1 | 2
  retain: boolean
  /** True when the broker published it as a client's will. */
  isWill: boolean
}

export interface RunRecord {
  schemaVersion: typeof RUN_RECORD_SCHEMA_VERSION
  atseqVersion: string
  sequence: {
    name: string
    system?: string
    source?: string
    file: string
    sha256: string
    tags: string[]
  }
  device: {
    url: string
    settings: Record<string, string | number | boolean>
    identity: DeviceIdentity
  }
  commandLine: string[]
  startedAt: string
  durationMs: number
  status: RunStatus
  exitCode: number
  /** Why the run ended early (drop, interrupt), if it did. */
  endReason?: string
  counts: Record<StepStatus, number>
  steps: StepResult[]
  transcript: TranscriptEntry[]
  /** What the run's broker received, when the run had one (absent in records made before it was kept). */
  broker?: { messages: RecordedBrokerMessage[] }
}
