/**
 * Templates of text and plain `{{name}}` / `{{env.NAME}}` render without Handlebars' runtime: over thousands of
 * generated templates (whitespace control, comments, escaped and triple mustaches, helpers, odd braces, line
 * ends), atseq's rendering gives exactly what Handlebars itself gives with the same options and values.
 */
import t from 'tap'
import Handlebars from 'handlebars'
import { checkTemplate, renderTemplate, type Template } from '../../src/sequence/index.js'

const PIECES = [
  'AT+X=',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  ',',
  '"',
  'é한',
  '{',
  '}',
  'x}}',
  '\\{{a}}',
  '\\\\{{a}}',
  '{{! a comment }}',
  '{{!-- a {{long}} comment --}}',
  '{{a}}',
  '{{ b }}',
  '{{~a}}',
  '{{a~}}',
  '{{~ b ~}}',
  '{{{a}}}',
  '{{env.E}}',
  '{{~env.E~}}',
  '{{upper a}}',
  '{{quote b}}',
  '{{len (upper a)}}',
  '{{"lit"}}',
]

const vars = { a: 'al"pha\\', b: ' b e\nta ', constructor: 'c' }
const env = { E: 'from-env' }

function reference(text: string): string {
  const handlebars = Handlebars.create()
  handlebars.registerHelper('upper', (value: unknown) => String(value).toUpperCase())
  handlebars.registerHelper('len', (value: unknown) => String(Buffer.byteLength(String(value), 'utf8')))
  handlebars.registerHelper('quote', (value: unknown) => `"${String(value).replace(/\\/g, '\\5C').replace(/"/g, '\\22')}"`)
  const render = handlebars.compile(text, {
    strict: true,
    noEscape: true,
    knownHelpers: { upper: true, len: true, quote: true },
    knownHelpersOnly: true,
  })
  return render({ ...vars, env })
}

t.test('generated templates render as Handlebars renders them', async t => {
  let seed = 11
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed % n
  }
  let compared = 0
  for (let i = 0; i < 3000; i++) {
    const text = Array.from({ length: 1 + next(7) }, () => PIECES[next(PIECES.length)]).join('')
    const template: Template = { text, at: { file: 'x.yaml', line: 1, col: 1 } }
    if (checkTemplate(template) !== undefined) continue
    const ours = renderTemplate(template, { vars, env })
    if (ours !== reference(text)) t.fail(`${JSON.stringify(text)}: ${JSON.stringify(ours)} vs ${JSON.stringify(reference(text))}`)
    compared++
  }
  t.ok(compared > 2000, `${compared} templates compared`)
})

t.test('a variable whose name an object inherits renders its own value', async t => {
  const template: Template = { text: '{{constructor}}-{{a}}', at: { file: 'x.yaml', line: 1, col: 1 } }
  t.equal(renderTemplate(template, { vars, env }), `c-${vars.a}`)
})
