/** Writes a run's reports to disk, each atomically: a temporary file in the same folder, then a rename. */
import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunRecord } from '../model/run-record.js'
import type { ReportOptions } from './html/report-view.js'
import { findReportFormat, type ReportFormat } from './report-formats.js'

export { REPORT_FORMATS, isReportFormat, type ReportFormat } from './report-formats.js'

export interface WriteReportsOptions {
  /** The folder to write into; created when missing. */
  dir: string
  formats: readonly ReportFormat[]
  /** The file name without extension: `<baseName>.html`, `<baseName>.junit.xml`, `<baseName>.json`. */
  baseName: string
  /** An earlier run of the same sequence: the HTML report marks the steps whose status or timing changed since. */
  baseline?: RunRecord
}

export interface WrittenReport {
  format: ReportFormat
  path: string
}

/** Renders and writes each requested format (duplicates once); returns the paths written, in request order. */
export async function writeReports(record: RunRecord, opts: WriteReportsOptions): Promise<WrittenReport[]> {
  await mkdir(opts.dir, { recursive: true })
  const written: WrittenReport[] = []
  for (const format of new Set(opts.formats)) {
    const path = join(opts.dir, `${opts.baseName}${findReportFormat(format).runExtension}`)
    await writeFileAtomically(path, renderReport(record, format, opts.baseline === undefined ? {} : { baseline: opts.baseline }))
    written.push({ format, path })
  }
  return written
}

/** Renders one format of a run's report. */
export function renderReport(record: RunRecord, format: ReportFormat, options: ReportOptions = {}): string {
  return findReportFormat(format).renderRun(record, options)
}

/** Writes a file so that readers see either the old content or the whole new content, never a part. */
export async function writeFileAtomically(path: string, content: string): Promise<void> {
  const temporaryPath = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await writeFile(temporaryPath, content, 'utf8')
    await rename(temporaryPath, path)
  } catch (error) {
    // Best effort: the temporary file may never have been created (a missing or unwritable folder).
    await rm(temporaryPath, { force: true }).catch(() => undefined)
    throw new Error(`atseq could not write the report ${path}`, { cause: error })
  }
}
