/** Renders a run record as one self-contained HTML file (inline CSS and script, no external resource). */
import Handlebars from 'handlebars'
import { buildContentSecurityPolicy } from '../content-security-policy.js'
import type { RunRecord } from '../../model/run-record.js'
import { buildReportView, type ReportOptions, type ReportView } from './report-view.js'
import { serializeForScriptBlock } from './script-json.js'
import { readTemplateFiles, type ReportTemplateFiles } from './report-templates.js'

interface TemplateContext {
  view: ReportView
  atseqVersion: string
  schemaVersion: number
  /** Our own stylesheet and script, inserted verbatim; record data never goes through these. */
  css: Handlebars.SafeString
  script: Handlebars.SafeString
  /** The step table's data as JSON, escaped so that nothing in it can end its script block. */
  pageData: Handlebars.SafeString
  /** The steps' transcripts as JSON, escaped the same way, in a block of their own. */
  transcriptData: Handlebars.SafeString
  /** The page's Content-Security-Policy, allowing exactly our inline script. */
  csp: string
}

interface CompiledReport {
  render: HandlebarsTemplateDelegate<TemplateContext>
  css: Handlebars.SafeString
  script: Handlebars.SafeString
  csp: string
}

let compiled: CompiledReport | undefined

/** Renders the HTML report of a run. Everything from the record is HTML-escaped. */
export function renderHtmlReport(record: RunRecord, options: ReportOptions = {}): string {
  const report = loadCompiledReport()
  const view = buildReportView(record, options)
  return report.render({
    view,
    pageData: new Handlebars.SafeString(serializeForScriptBlock(view.data)),
    transcriptData: new Handlebars.SafeString(serializeForScriptBlock(view.transcripts)),
    atseqVersion: record.atseqVersion,
    schemaVersion: record.schemaVersion,
    css: report.css,
    script: report.script,
    csp: report.csp,
  })
}

/** Compiles the report template from its files (done once per process unless files are given). */
export function compileReport(files: ReportTemplateFiles): CompiledReport {
  // An isolated environment with only the built-in block helpers: templates place values, nothing more.
  const handlebars = Handlebars.create()
  const render = handlebars.compile<TemplateContext>(files.template, { knownHelpersOnly: true, strict: false })
  return {
    render,
    css: new handlebars.SafeString(files.css),
    script: new handlebars.SafeString(files.script),
    csp: buildContentSecurityPolicy(files.script),
  }
}

function loadCompiledReport(): CompiledReport {
  compiled ??= compileReport(readTemplateFiles())
  return compiled
}
