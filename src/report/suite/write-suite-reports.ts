/**
 * Writes a suite's reports into one folder: `index.html` (the index), `suite.junit.xml` and
 * `suite.json` (the suite record, which `atseq merge` reads back). Each file is written atomically.
 */
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { SuiteRecord } from '../../model/suite-record.js'
import { renderHtmlReport } from '../html/render-html-report.js'
import { writeFileAtomically, type ReportFormat } from '../write-reports.js'
import { renderSuiteHtml } from './render-suite-html.js'
import { renderSuiteJunit } from './render-suite-junit.js'

export const SUITE_REPORT_FILES: Record<ReportFormat, string> = { html: 'index.html', junit: 'suite.junit.xml', json: 'suite.json' }

export interface WriteSuiteReportsOptions {
  dir: string
  formats: readonly ReportFormat[]
}

/** Renders and writes each requested format; returns the paths written, in request order. */
export async function writeSuiteReports(record: SuiteRecord, options: WriteSuiteReportsOptions): Promise<string[]> {
  await mkdir(options.dir, { recursive: true })
  const written: string[] = []
  for (const format of new Set(options.formats)) {
    const path = join(options.dir, SUITE_REPORT_FILES[format])
    await writeFileAtomically(path, renderSuiteReport(record, format))
    written.push(path)
  }
  return written
}

/** Renders one format of the suite report. */
export function renderSuiteReport(record: SuiteRecord, format: ReportFormat): string {
  switch (format) {
    case 'html':
      return renderSuiteHtml(record)
    case 'junit':
      return renderSuiteJunit(record)
    case 'json':
      return `${JSON.stringify(record, null, 2)}\n`
  }
}

/** Writes each run's own HTML report where the index links to it (merge: the shards' files live elsewhere). */
export async function writeRunReports(record: SuiteRecord, dir: string): Promise<void> {
  for (const run of record.runs) {
    if (run.record === undefined || run.reportFile === undefined) continue
    const path = join(dir, run.reportFile)
    await mkdir(dirname(path), { recursive: true })
    await writeFileAtomically(path, renderHtmlReport(run.record))
  }
}
