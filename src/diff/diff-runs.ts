/**
 * Compares two run records of the same sequence (firmware A and B, today and the last release): per step,
 * status changes, response line differences and duration changes beyond a threshold; and the device identity.
 * Pure: it reads two records and returns data; reports render it.
 */
import type { DiffSide, IdentityChange, LatencyChange, RunDiff, StepDiff } from '../model/run-diff.js'
import type { DeviceIdentity, RunRecord, StepResult } from '../model/run-record.js'
import { listComparedLines } from './compared-lines.js'
import { diffLines, hasLineChanges } from './line-diff.js'

export interface DiffOptions {
  /** A step's duration must change by more than this to count (ms); default 500. */
  latencyThresholdMs?: number
}

export const DEFAULT_LATENCY_THRESHOLD_MS = 500

/** Compares run `a` (before) with run `b` (after). */
export function diffRuns(a: RunRecord, b: RunRecord, labels: { a: string; b: string }, options: DiffOptions = {}): RunDiff {
  const latencyThresholdMs = options.latencyThresholdMs ?? DEFAULT_LATENCY_THRESHOLD_MS
  const steps = pairSteps(a.steps, b.steps).map(([stepA, stepB]) => diffStep(stepA, stepB, latencyThresholdMs))
  const identity = diffIdentity(a.device.identity, b.device.identity)
  const changedSteps = steps.filter(step => step.hasChanges).length
  return {
    a: describeSide(a, labels.a),
    b: describeSide(b, labels.b),
    isSameSequence: a.sequence.sha256 === b.sequence.sha256,
    latencyThresholdMs,
    identity,
    steps,
    changedSteps,
    regressions: steps.filter(step => step.isRegression).length,
    hasDifferences: changedSteps > 0 || identity.length > 0,
  }
}

function describeSide(record: RunRecord, label: string): DiffSide {
  return {
    label,
    sequence: record.sequence.name,
    sha256: record.sequence.sha256,
    status: record.status,
    startedAt: record.startedAt,
    device: record.device.url,
    identity: record.device.identity,
  }
}

/** Pairs steps by phase and number, in A's order, with B's extra steps after the step they follow. */
export function pairSteps(a: readonly StepResult[], b: readonly StepResult[]): Array<[StepResult | undefined, StepResult | undefined]> {
  const key = (step: StepResult): string => `${step.phase}\u0000${step.no}`
  const inA = new Set(a.map(key))
  const byKeyB = new Map(b.map(step => [key(step), step]))
  const pairs: Array<[StepResult | undefined, StepResult | undefined]> = []
  const placedB = new Set<string>()
  const placeOnlyB = (upTo: number): void => {
    for (const step of b.slice(0, upTo + 1)) {
      if (!inA.has(key(step)) && !placedB.has(key(step))) {
        placedB.add(key(step))
        pairs.push([undefined, step])
      }
    }
  }
  for (const step of a) {
    const partner = byKeyB.get(key(step))
    if (partner) placeOnlyB(b.indexOf(partner))
    pairs.push([step, partner])
  }
  placeOnlyB(b.length - 1)
  return pairs
}

function diffStep(a: StepResult | undefined, b: StepResult | undefined, thresholdMs: number): StepDiff {
  const shown = (b ?? a)!
  const lines = diffLines(a ? listComparedLines(a) : [], b ? listComparedLines(b) : [])
  const latency = a && b ? diffLatency(a, b, thresholdMs) : undefined
  const presence = a && b ? 'both' : a ? 'only-a' : 'only-b'
  const isRegression = a?.status === 'passed' && (b?.status === 'failed' || b?.status === 'errored')
  return {
    phase: shown.phase,
    no: shown.no,
    action: shown.action,
    ...(shown.description === undefined ? {} : { description: shown.description }),
    presence,
    ...(a ? { statusA: a.status } : {}),
    ...(b ? { statusB: b.status } : {}),
    isRegression,
    lines,
    ...(latency ? { latency } : {}),
    hasChanges: presence !== 'both' || a?.status !== b?.status || hasLineChanges(lines) || latency !== undefined,
  }
}

function diffLatency(a: StepResult, b: StepResult, thresholdMs: number): LatencyChange | undefined {
  // A step that did not run has no duration worth comparing.
  if (a.status === 'skipped' || b.status === 'skipped') return undefined
  const deltaMs = b.durationMs - a.durationMs
  return Math.abs(deltaMs) > thresholdMs ? { fromMs: a.durationMs, toMs: b.durationMs, deltaMs } : undefined
}

const IDENTITY_FIELDS: ReadonlyArray<keyof DeviceIdentity> = ['manufacturer', 'model', 'revision', 'imei']

function diffIdentity(a: DeviceIdentity, b: DeviceIdentity): IdentityChange[] {
  return IDENTITY_FIELDS.filter(field => a[field] !== b[field]).map(field => ({
    field,
    ...(a[field] === undefined ? {} : { from: a[field] }),
    ...(b[field] === undefined ? {} : { to: b[field] }),
  }))
}
