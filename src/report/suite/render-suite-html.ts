/** The suite's HTML index: one self-contained page from the suite view (a logic-free Handlebars template). */
import { existsSync, readFileSync } from 'node:fs'
import Handlebars from 'handlebars'
import type { SuiteRecord } from '../../model/suite-record.js'
import { buildSuiteView } from './suite-view.js'

let compiled: HandlebarsTemplateDelegate | undefined

/** Renders the index page; every text is escaped by Handlebars. */
export function renderSuiteHtml(record: SuiteRecord): string {
  compiled ??= compileSuiteTemplate()
  return compiled(buildSuiteView(record))
}

/** The page and its `row` partial (one run), in an instance of their own so no other template sees the partial. */
function compileSuiteTemplate(): HandlebarsTemplateDelegate {
  const handlebars = Handlebars.create()
  handlebars.registerPartial('row', readSuiteTemplate('suite-row.hbs'))
  return handlebars.compile(readSuiteTemplate('suite.hbs'), { strict: true, noEscape: false })
}

/** Templates sit in `templates/` next to the source; the compiled module finds them in the source tree. */
function readSuiteTemplate(name: string): string {
  const candidates = [new URL(`./templates/${name}`, import.meta.url), new URL(`../../../src/report/suite/templates/${name}`, import.meta.url)]
  const found = candidates.find((url) => existsSync(url))
  if (found === undefined) throw new Error(`atseq cannot find the suite report template (${name})`)
  return readFileSync(found, 'utf8')
}
