/** Writes a run's reports to disk, each atomically: a temporary file in the same folder, then a rename. */
import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunRecord } from '../model/run-record.js'
import { renderHtmlReport } from './html/render-html-report.js'
import { renderJsonReport } from './json/render-json-report.js'
import { renderJunitReport } from './junit/render-junit-report.js'

export type ReportFormat = 'html' | 'junit' | 'json'

/** Every report format, in the order they are written. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'junit', 'json']

export interface WriteReportsOptions {
  /** The folder to write into; created when missing. */
  dir: string
  formats: readonly ReportFormat[]
  /** The file name without extension: `<baseName>.html`, `<baseName>.junit.xml`, `<baseName>.json`. */
  baseName: string
}

export interface WrittenReport {
  format: ReportFormat
  path: string
}

const EXTENSIONS: Record<ReportFormat, string> = { html: '.html', junit: '.junit.xml', json: '.json' }

/** Renders and writes each requested format (duplicates once); returns the paths written, in request order. */
export async function writeReports(record: RunRecord, opts: WriteReportsOptions): Promise<WrittenReport[]> {
  await mkdir(opts.dir, { recursive: true })
  const written: WrittenReport[] = []
  for (const format of new Set(opts.formats)) {
    const path = join(opts.dir, `${opts.baseName}${EXTENSIONS[format]}`)
    await writeFileAtomically(path, renderReport(record, format))
    written.push({ format, path })
  }
  return written
}

/** Renders one format of a run's report. */
export function renderReport(record: RunRecord, format: ReportFormat): string {
  switch (format) {
    case 'html':
      return renderHtmlReport(record)
    case 'junit':
      return renderJunitReport([record])
    case 'json':
      return renderJsonReport(record)
  }
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
