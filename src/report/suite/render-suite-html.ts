/** The suite's HTML index: one self-contained page from the suite view (a logic-free Handlebars template). */
import { existsSync, readFileSync } from 'node:fs'
import Handlebars from 'handlebars'
import type { SuiteRecord } from '../../plan/suite-record.js'
import { buildSuiteView } from './suite-view.js'

let compiled: HandlebarsTemplateDelegate | undefined

/** Renders the index page; every text is escaped by Handlebars. */
export function renderSuiteHtml(record: SuiteRecord): string {
  compiled ??= Handlebars.compile(readSuiteTemplate(), { strict: true, noEscape: false })
  return compiled(buildSuiteView(record))
}

/** The template sits in `templates/` next to the source; the compiled module finds it in the source tree. */
function readSuiteTemplate(): string {
  const candidates = [new URL('./templates/suite.hbs', import.meta.url), new URL('../../../src/report/suite/templates/suite.hbs', import.meta.url)]
  const found = candidates.find((url) => existsSync(url))
  if (found === undefined) throw new Error('atseq cannot find the suite report template (suite.hbs)')
  return readFileSync(found, 'utf8')
}
