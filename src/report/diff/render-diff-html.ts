/**
 * Renders a run diff as one self-contained HTML page in the run report's style: the report's own
 * stylesheet plus a few diff rules, no script, everything from the records HTML-escaped.
 */
import Handlebars from 'handlebars'
import { buildContentSecurityPolicy } from '../content-security-policy.js'
import type { RunDiff } from '../../model/run-diff.js'
import { readTemplateFiles } from '../html/report-templates.js'
import { readTemplate } from '../read-template.js'
import { buildDiffView, type DiffView } from './diff-view.js'

interface DiffTemplateContext {
  view: DiffView
  atseqVersion: string
  css: Handlebars.SafeString
  /** The page's Content-Security-Policy (no script). */
  csp: string
}

let compiled: { render: HandlebarsTemplateDelegate<DiffTemplateContext>; css: Handlebars.SafeString } | undefined

/** The diff page's HTML. */
export function renderDiffHtml(diff: RunDiff, atseqVersion: string): string {
  compiled ??= compileDiffPage()
  return compiled.render({ view: buildDiffView(diff), atseqVersion, css: compiled.css, csp: buildContentSecurityPolicy() })
}

function compileDiffPage(): { render: HandlebarsTemplateDelegate<DiffTemplateContext>; css: Handlebars.SafeString } {
  const handlebars = Handlebars.create()
  const render = handlebars.compile<DiffTemplateContext>(readTemplate(import.meta.url, 'diff.hbs'), { knownHelpersOnly: true })
  const css = `${readTemplateFiles().css}\n${readTemplate(import.meta.url, 'diff.css')}`
  return { render, css: new handlebars.SafeString(css) }
}
