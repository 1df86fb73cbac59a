/**
 * The report formats, one entry each: the file a run's report and a suite's report are written to, and how each
 * is rendered from its record. A new format is one renderer file and one entry here.
 */
import type { RunRecord } from '../model/run-record.js'
import type { SuiteRecord } from '../model/suite-record.js'
import { renderHtmlReport } from './html/render-html-report.js'
import type { ReportOptions } from './html/report-view.js'
import { renderJsonReport } from './json/render-json-report.js'
import { renderJunitReport } from './junit/render-junit-report.js'
import { renderSuiteHtml } from './suite/render-suite-html.js'
import { renderSuiteJunit } from './suite/render-suite-junit.js'

export interface ReportFormatEntry {
  /** Appended to a run report's base name: `.html` makes `<base>.html`. */
  runExtension: string
  /** The suite report's file name in the suite folder. */
  suiteFile: string
  /** Renders a run's report; formats that do not compare runs ignore `options.baseline`. */
  renderRun(record: RunRecord, options?: ReportOptions): string
  renderSuite(record: SuiteRecord): string
}

const FORMATS = {
  html: { runExtension: '.html', suiteFile: 'index.html', renderRun: renderHtmlReport, renderSuite: renderSuiteHtml },
  junit: {
    runExtension: '.junit.xml',
    suiteFile: 'suite.junit.xml',
    renderRun: (record: RunRecord) => renderJunitReport([record]),
    renderSuite: renderSuiteJunit,
  },
  json: {
    runExtension: '.json',
    suiteFile: 'suite.json',
    renderRun: renderJsonReport,
    renderSuite: (record: SuiteRecord) => `${JSON.stringify(record, null, 2)}\n`,
  },
} as const satisfies Record<string, ReportFormatEntry>

export type ReportFormat = keyof typeof FORMATS

/** Every report format, in the order they are written by default. */
export const REPORT_FORMATS: readonly ReportFormat[] = Object.keys(FORMATS) as ReportFormat[]

/** The entry of a format. */
export function findReportFormat(format: ReportFormat): ReportFormatEntry {
  return FORMATS[format]
}

/** Whether a name given on the command line is a report format. */
export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(FORMATS, name)
}
