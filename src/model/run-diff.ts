/**
 * The comparison of two run records of the same sequence, as plain data: per step, status changes, response
 * line differences and duration changes beyond a threshold; and the device identity. `diff/` computes it,
 * `report/diff/` renders it.
 */
import type { DeviceIdentity, RunRecord, StepResult, StepStatus } from './run-record.js'

/** One line of a diff: in both, only in the first (`removed`), or only in the second (`added`). */
export interface LineChange {
  op: 'same' | 'removed' | 'added'
  text: string
}

/** One run as the diff names it. */
export interface DiffSide {
  label: string
  sequence: string
  sha256: string
  status: RunRecord['status']
  startedAt: string
  device: string
  identity: DeviceIdentity
}

/** How a step's duration changed, when by more than the threshold. */
export interface LatencyChange {
  fromMs: number
  toMs: number
  deltaMs: number
}

/** A step of either run, paired by phase and number. */
export interface StepDiff {
  phase: StepResult['phase']
  no: string
  action: string
  description?: string
  /** In both runs, or only in one (the sequence changed between them). */
  presence: 'both' | 'only-a' | 'only-b'
  statusA?: StepStatus
  statusB?: StepStatus
  /** Passed in A, failed or errored in B. */
  isRegression: boolean
  lines: LineChange[]
  latency?: LatencyChange
  hasChanges: boolean
}

export interface IdentityChange {
  field: keyof DeviceIdentity
  from?: string
  to?: string
}

export interface RunDiff {
  a: DiffSide
  b: DiffSide
  /** False when the two records are of different sequence files (by sha256). */
  isSameSequence: boolean
  latencyThresholdMs: number
  identity: IdentityChange[]
  steps: StepDiff[]
  changedSteps: number
  regressions: number
  hasDifferences: boolean
}
