/**
 * Combines the suite records of shards into one, as if the suite had run unsharded: the runs of
 * every shard in plan order, setup and teardown once per device (the worst of the shards' copies),
 * devices and verdict recomputed. Records of different suites are refused.
 */
import {
  combineStatus,
  sortRuns,
  summariseDevice,
  worstExitCode,
  SUITE_RECORD_SCHEMA_VERSION,
  type SuiteRecord,
  type SuiteRun,
} from '../model/suite-record.js'

export type MergeResult = { ok: true; record: SuiteRecord } | { ok: false; code: 'merge-mismatch' | 'merge-empty'; message: string }

/** Merges records of the same suite (same name, same suite file content when known). */
export function mergeSuiteRecords(records: readonly SuiteRecord[]): MergeResult {
  const first = records[0]
  if (first === undefined) return { ok: false, code: 'merge-empty', message: 'nothing to merge' }
  const other = records.find(r => r.suite.name !== first.suite.name || r.suite.sha256 !== first.suite.sha256)
  if (other)
    return {
      ok: false,
      code: 'merge-mismatch',
      message: `"${other.suite.name}" is not the same suite as "${first.suite.name}" (name or suite file differ)`,
    }
  const deviceOrder = [...new Set(records.flatMap(r => r.devices.map(d => d.name)))]
  const runs = sortRuns(dedupeRuns(records.flatMap(r => r.runs)), deviceOrder)
  const exitCode = worstExitCode(runs.map(run => run.exitCode))
  const urls = new Map(records.flatMap(r => r.devices.map(d => [d.name, d.url] as const)))
  const startedAt = records.map(r => r.startedAt).sort()[0] ?? first.startedAt
  return {
    ok: true,
    record: {
      schemaVersion: SUITE_RECORD_SCHEMA_VERSION,
      kind: 'atseq-suite',
      atseqVersion: first.atseqVersion,
      suite: first.suite,
      commandLine: first.commandLine,
      startedAt,
      durationMs: Math.max(...records.map(r => r.durationMs)),
      status: combineStatus(
        runs.map(run => run.status),
        exitCode,
      ),
      exitCode,
      shards: records.flatMap(r => r.shards).sort((a, b) => a.index - b.index),
      plannedSequences: Math.max(...records.map(r => r.plannedSequences)),
      devices: deviceOrder.map(name => summariseDevice(name, urls.get(name) ?? '', runs)),
      runs,
    },
  }
}

const SEVERITY: ReadonlyArray<SuiteRun['status']> = ['passed', 'skipped', 'failed', 'errored', 'interrupted']

/** One run per (device, role, order, file): setup/teardown exist in every shard; keep the worst copy. */
function dedupeRuns(runs: readonly SuiteRun[]): SuiteRun[] {
  const kept = new Map<string, SuiteRun>()
  for (const run of runs) {
    const key = `${run.device}\u0000${run.role}\u0000${run.order}\u0000${run.sequence.file}`
    const previous = kept.get(key)
    if (previous === undefined || SEVERITY.indexOf(run.status) > SEVERITY.indexOf(previous.status)) kept.set(key, run)
  }
  return [...kept.values()]
}
