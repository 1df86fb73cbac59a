/**
 * Writes a suite's reports into one folder: `index.html` (the index), `suite.junit.xml` and
 * `suite.json` (the suite record, which `atseq merge` reads back). Each file is written atomically.
 */
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { SuiteRecord } from '../../model/suite-record.js'
import { renderHtmlReport } from '../html/render-html-report.js'
import { findReportFormat, type ReportFormat } from '../report-formats.js'
import { toSafeHref } from '../safe-href.js'
import { writeFileAtomically } from '../write-reports.js'

export interface WriteSuiteReportsOptions {
  dir: string
  formats: readonly ReportFormat[]
}

/** Renders and writes each requested format; returns the paths written, in request order. */
export async function writeSuiteReports(record: SuiteRecord, options: WriteSuiteReportsOptions): Promise<string[]> {
  await mkdir(options.dir, { recursive: true })
  const written: string[] = []
  for (const format of new Set(options.formats)) {
    const path = join(options.dir, findReportFormat(format).suiteFile)
    await writeFileAtomically(path, renderSuiteReport(record, format))
    written.push(path)
  }
  return written
}

/** Renders one format of the suite report. */
export function renderSuiteReport(record: SuiteRecord, format: ReportFormat): string {
  return findReportFormat(format).renderSuite(record)
}

/**
 * Writes each run's own HTML report where the index links to it (merge: the shards' files live elsewhere).
 * A shard's suite.json is input from elsewhere: a report file the index would not link to (`..`, absolute,
 * a scheme) is not written, so no shard can place a file outside `dir`.
 */
export async function writeRunReports(record: SuiteRecord, dir: string): Promise<void> {
  for (const run of record.runs) {
    if (run.record === undefined || run.reportFile === undefined || toSafeHref(run.reportFile) === undefined) continue
    const path = join(dir, run.reportFile)
    await mkdir(dirname(path), { recursive: true })
    await writeFileAtomically(path, renderHtmlReport(run.record))
  }
}
