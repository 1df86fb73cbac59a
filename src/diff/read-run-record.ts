/** Reads a run's JSON record for a diff; a file that is not one is an input problem, reported as data. */
import { readFileSync } from 'node:fs'
import type { RunRecord } from '../model/run-record.js'

export type ReadRunRecord = { ok: true; record: RunRecord } | { ok: false; code: 'unreadable' | 'not-a-run-record'; message: string }

/** Reads and checks the shape of `path` (schema version, steps, device). */
export function readRunRecord(path: string): ReadRunRecord {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    return { ok: false, code: 'unreadable', message: `cannot read ${path}: ${(error as Error).message}` }
  }
  if (!isRunRecord(parsed)) {
    return { ok: false, code: 'not-a-run-record', message: `${path} is not an atseq run record (the .json report of atseq run)` }
  }
  return { ok: true, record: parsed }
}

function isRunRecord(value: unknown): value is RunRecord {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Partial<RunRecord>
  return (
    record.schemaVersion === 1 && Array.isArray(record.steps) && typeof record.device === 'object' && typeof record.sequence === 'object'
  )
}
