/**
 * The suite record: the outcome of a plan on its devices, as plain data holding each run's full
 * RunRecord. Suite reports read only this; `atseq merge` combines the records of shards into one.
 * Its JSON form is published as `schemas/suite-record.schema.json`.
 */
import type { DeviceIdentity, RunRecord, RunStatus } from './run-record.js'
import { EXIT, worstExitCode } from './exit-code.js'
import type { PlanRole, Shard } from './suite.js'

export { worstExitCode } from './exit-code.js'

export const SUITE_RECORD_SCHEMA_VERSION = 1

/** One sequence run on one device; `record` is absent when it was not run (its setup failed, --bail, Ctrl-C). */
export interface SuiteRun {
  device: string
  role: PlanRole
  /** Position in the unsharded plan. */
  order: number
  sequence: { name: string; file: string }
  status: RunStatus | 'skipped'
  exitCode: number
  durationMs: number
  /** Why the run did not happen, for `skipped`. */
  reason?: string
  /** The run's HTML report, relative to the suite report's folder. */
  reportFile?: string
  record?: RunRecord
}

export interface SuiteDevice {
  name: string
  url: string
  identity: DeviceIdentity
  status: RunStatus
  exitCode: number
}

export interface SuiteRecord {
  schemaVersion: typeof SUITE_RECORD_SCHEMA_VERSION
  kind: 'atseq-suite'
  atseqVersion: string
  suite: { name: string; file?: string; sha256?: string }
  commandLine: string[]
  startedAt: string
  durationMs: number
  status: RunStatus
  exitCode: number
  /** The shards this record covers (one for a sharded run, several after a merge, none when unsharded). */
  shards: Shard[]
  /** Sequences in the unsharded plan (per device). */
  plannedSequences: number
  devices: SuiteDevice[]
  runs: SuiteRun[]
}

/** The status that goes with a combined exit code and the statuses it came from. */
export function combineStatus(statuses: ReadonlyArray<SuiteRun['status']>, exitCode: number): RunStatus {
  if (exitCode === EXIT.interrupted || statuses.includes('interrupted')) return 'interrupted'
  if (statuses.includes('errored')) return 'errored'
  if (statuses.includes('failed') || exitCode !== EXIT.passed) return 'failed'
  return 'passed'
}

/** A device's verdict over its runs; identity from its first run that read one. */
export function summariseDevice(name: string, url: string, runs: readonly SuiteRun[]): SuiteDevice {
  const mine = runs.filter(run => run.device === name)
  const exitCode = worstExitCode(mine.map(run => run.exitCode))
  const identity = mine.map(run => run.record?.device.identity).find(found => found !== undefined && Object.keys(found).length > 0) ?? {}
  return {
    name,
    url,
    identity,
    status: combineStatus(
      mine.map(run => run.status),
      exitCode,
    ),
    exitCode,
  }
}

/** Sorts runs the way the plan ran them: by device (in device order), then plan order. */
export function sortRuns(runs: readonly SuiteRun[], deviceOrder: readonly string[]): SuiteRun[] {
  return [...runs].sort((a, b) => deviceOrder.indexOf(a.device) - deviceOrder.indexOf(b.device) || a.order - b.order)
}
