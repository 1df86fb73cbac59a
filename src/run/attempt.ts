/**
 * The result of one attempt at a step, before retries are folded in, and the small
 * constructors every executor uses to say how it ended.
 */
import type { ReceivedLine, StepFailureKind } from '../model/run-record.js'

/** How the run must go on after this attempt: normally, or not at all (link gone, Ctrl-C). */
export type RunInterruption = 'link-dropped' | 'interrupted'

export interface AttemptResult {
  status: 'passed' | 'failed' | 'errored'
  reason?: string
  /** Why it did not pass, as a code; set with `reason`. */
  failure?: StepFailureKind
  expected: string[]
  received: ReceivedLine[]
  captures: Record<string, string>
  unexpectedUrcs: string[]
  /** Set when the run cannot continue after this attempt. */
  interruption?: RunInterruption
  /** Set when the step itself is wrong (a template or regex), not the modem: the run exits 2. */
  invalidInput?: boolean
  /** Set when what the step needs outside the modem (the broker) is gone: the run exits 3, teardown still runs. */
  infrastructure?: boolean
  /** Set when atseq itself failed (a bug): the error, for `--debug`; the run exits 70 after teardown. */
  crash?: Error
}

/**
 * Thrown by what a run depends on besides the modem (the broker link) when it is gone; the runner errors the step
 * with its message as the cause and goes on to teardown.
 */
export class InfrastructureError extends Error {
  override readonly name = 'InfrastructureError'
}

/** What an executor knows before it judges: what was expected and what arrived. */
export interface AttemptEvidence {
  expected: string[]
  received: ReceivedLine[]
  unexpectedUrcs: string[]
}

export const NO_EVIDENCE: AttemptEvidence = { expected: [], received: [], unexpectedUrcs: [] }

export function passed(evidence: AttemptEvidence, captures: Record<string, string> = {}): AttemptResult {
  return { status: 'passed', ...evidence, captures }
}

/** A check did not hold (wrong answer, missing line, timeout). */
export function failed(evidence: AttemptEvidence, failure: StepFailureKind, reason: string): AttemptResult {
  return { status: 'failed', reason, failure, ...evidence, captures: {} }
}

/** The step could not be run (bad template, link dropped, interrupted). */
export function errored(
  evidence: AttemptEvidence,
  failure: StepFailureKind,
  reason: string,
  interruption?: RunInterruption,
): AttemptResult {
  return { status: 'errored', reason, failure, ...evidence, captures: {}, ...(interruption ? { interruption } : {}) }
}

/** `30000` → `30s`, `1500` → `1.5s`, `200` → `200ms`: durations as the sequence file writes them. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`
  const seconds = ms / 1000
  return Number.isInteger(seconds) ? `${seconds}s` : `${seconds.toFixed(1)}s`
}
