/** The run record as JSON, exactly as recorded; its shape is `schemas/run-record.schema.json`. */
import type { RunRecord } from '../../model/run-record.js'

/** Renders the run record as pretty-printed JSON with a trailing newline. */
export function renderJsonReport(record: RunRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`
}
