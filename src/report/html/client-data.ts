/**
 * The data the page script renders the step table from, embedded once in the page: every step already formatted
 * (the script only places text), the skipped runs, the URC times for the timeline and the changes since a baseline.
 */
import type { StepChange } from './compare-with-baseline.js'
import type { SkippedRun } from './skipped-runs.js'
import type { RunRecord, TranscriptEntry } from '../../model/run-record.js'
import { sliceStepTranscript } from '../text/format-transcript.js'
import type { StepView } from './step-view.js'

/** One step as the page script shows it; short keys, since a long run has tens of thousands. */
export interface ClientStep {
  /** Index in the run: the row's anchor is `step-<i>`. */
  i: number
  no: string
  /** The phase's title. */
  ph: string
  st: StepView['status']
  sl: string
  cmd: string
  ak: StepView['actionKind']
  exp: string[]
  /** Received lines as `[kind, text]`. */
  rcv: Array<[string, string]>
  desc?: string
  why?: string
  tm: string
  att: number
  /** Each attempt of a retried step as `[label, start, duration, status, status label, received lines, reason]`. */
  atts?: Array<[string, string, string, string, string, string[], string]>
  caps: string[]
  urcs: string[]
  loc: string
  /** Start and duration in milliseconds, on the run's clock. */
  t0: number
  d: number
  /** How many transcript entries the step has (they are in the page's separate transcript block). */
  trn: number
  trl: string
  /** Changed since the baseline: `status`, `timing` or `new`, and what it was. */
  chg?: [StepChange['kind'], string]
}

type ClientAttempt = NonNullable<ClientStep['atts']>[number]

/**
 * One transcript entry as `[atMs, dir, data]`: the bytes as base64 as recorded, or a note's text. The script pads the
 * time and draws both the escaped text and the hex from the bytes when a transcript is opened, so a long run's page
 * carries each entry once and the report does no per-entry work for the steps nobody opens.
 */
export type ClientTranscriptEntry = [number, TranscriptEntry['dir'], string]

export interface ClientData {
  durationMs: number
  steps: ClientStep[]
  skipped: SkippedRun[]
  /** When each URC arrived, milliseconds since the run started. */
  urcMs: number[]
  /** Whether a baseline was given (the "changed" filter is offered only then). */
  hasBaseline: boolean
}

/** Builds the page data from the step views (already made safe to show), in run order. */
export function buildClientData(
  steps: readonly StepView[],
  skipped: SkippedRun[],
  urcMs: number[],
  changes: ReadonlyMap<number, StepChange> | undefined,
  durationMs: number,
): ClientData {
  return {
    durationMs,
    steps: steps.map((view, index) => toClientStep(view, index, changes?.get(index))),
    skipped,
    urcMs,
    hasBaseline: changes !== undefined,
  }
}

function toClientStep(view: StepView, index: number, change: StepChange | undefined): ClientStep {
  // Optional keys are set after the literal rather than spread into it: a literal with conditional spreads is
  // built key by key into a slow-mode object, and a long run's page has tens of thousands to serialise.
  const step: ClientStep = {
    i: index,
    no: view.no,
    ph: view.phaseTitle,
    st: view.status,
    sl: view.statusLabel,
    cmd: view.command,
    ak: view.actionKind,
    exp: view.expected,
    rcv: view.received.map(line => [line.kind, line.text]),
    tm: view.timing,
    att: view.attempts,
    caps: view.captures.map(capture => `${capture.name} = ${capture.value}`),
    urcs: view.unexpectedUrcs,
    loc: view.location,
    t0: view.startedAtMs,
    d: view.durationMs,
    trn: view.transcriptCount,
    trl: view.transcriptLabel,
  }
  if (view.description !== undefined) step.desc = view.description
  if (view.reason !== undefined) step.why = view.reason
  if (view.attemptRows.length > 0) {
    step.atts = view.attemptRows.map(
      a => [a.label, a.start, a.duration, a.status, a.statusLabel, a.received, a.reason ?? ''] as ClientAttempt,
    )
  }
  if (change !== undefined) step.chg = [change.kind, change.label]
  return step
}

/** The transcript of each step, by step index, as the page's transcript block holds it. */
export function buildClientTranscripts(record: RunRecord): ClientTranscriptEntry[][] {
  return record.steps.map(step =>
    sliceStepTranscript(record, step).map((entry): ClientTranscriptEntry => [entry.atMs, entry.dir, entry.data]),
  )
}
