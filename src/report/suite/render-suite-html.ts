/** The suite's HTML index: one self-contained page from the suite view (a logic-free Handlebars template). */
import Handlebars from 'handlebars'
import type { SuiteRecord } from '../../model/suite-record.js'
import { buildContentSecurityPolicy } from '../content-security-policy.js'
import { readTemplate } from '../read-template.js'
import { buildSuiteView } from './suite-view.js'

let compiled: HandlebarsTemplateDelegate | undefined
let script: string | undefined

/** Renders the index page; every text is escaped by Handlebars, and the page's filter script is allowed by its hash. */
export function renderSuiteHtml(record: SuiteRecord): string {
  compiled ??= compileSuiteTemplate()
  script ??= readSuiteTemplate('suite.js')
  return compiled({ ...buildSuiteView(record), csp: buildContentSecurityPolicy(script), script: new Handlebars.SafeString(script) })
}

/** The page and its `row` partial (one run), in an instance of their own so no other template sees the partial. */
function compileSuiteTemplate(): HandlebarsTemplateDelegate {
  const handlebars = Handlebars.create()
  handlebars.registerPartial('row', readSuiteTemplate('suite-row.hbs'))
  return handlebars.compile(readSuiteTemplate('suite.hbs'), { strict: true, noEscape: false })
}

function readSuiteTemplate(name: string): string {
  return readTemplate(import.meta.url, name)
}
