/**
 * Renders a run diff as one self-contained HTML page in the run report's style: the report's own
 * stylesheet plus a few diff rules, no script, everything from the records HTML-escaped.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Handlebars from 'handlebars'
import type { RunDiff } from '../../model/run-diff.js'
import { readTemplateFiles } from '../html/report-templates.js'
import { buildDiffView, type DiffView } from './diff-view.js'

interface DiffTemplateContext {
  view: DiffView
  atseqVersion: string
  css: Handlebars.SafeString
}

let compiled: { render: HandlebarsTemplateDelegate<DiffTemplateContext>; css: Handlebars.SafeString } | undefined

/** The diff page's HTML. */
export function renderDiffHtml(diff: RunDiff, atseqVersion: string): string {
  compiled ??= compileDiffPage()
  return compiled.render({ view: buildDiffView(diff), atseqVersion, css: compiled.css })
}

function compileDiffPage(): { render: HandlebarsTemplateDelegate<DiffTemplateContext>; css: Handlebars.SafeString } {
  const dir = findDiffTemplateDir()
  const handlebars = Handlebars.create()
  const render = handlebars.compile<DiffTemplateContext>(readFileSync(new URL('diff.hbs', dir), 'utf8'), { knownHelpersOnly: true })
  const css = `${readTemplateFiles().css}\n${readFileSync(new URL('diff.css', dir), 'utf8')}`
  return { render, css: new handlebars.SafeString(css) }
}

/** Next to this module, then the source tree (the compiled module in dist/ finds them there, as the run report does). */
function findDiffTemplateDir(): URL {
  const candidates = [new URL('./templates/', import.meta.url), new URL('../../../src/report/diff/templates/', import.meta.url)]
  const found = candidates.find((dir) => existsSync(new URL('diff.hbs', dir)))
  if (found !== undefined) return found
  throw new Error(`atseq cannot find the diff page template (diff.hbs); looked in: ${candidates.map((dir) => fileURLToPath(dir)).join(', ')}`)
}
