import t from 'tap'
import { readTemplateFiles } from '../../../src/report/html/report-templates.js'
import { readTemplate } from '../../../src/report/read-template.js'

t.test('a missing template is an error naming the path looked at', async t => {
  t.throws(() => readTemplate(import.meta.url, 'nope.hbs'), { message: /templates\/nope\.hbs/ })
})

t.test('templates place values and never insert record data unescaped', async t => {
  const files = readTemplateFiles()
  // The one triple-stash is the page's Content-Security-Policy: a constant atseq builds, never record data,
  // which a meta attribute must carry with its quotes as they are.
  t.same(
    [...files.template.matchAll(/\{\{\{\s*([\w.]+)/g)].map(m => m[1]),
    ['csp'],
    'no triple-stash in the template but the policy',
  )
  t.notMatch(files.template, /\{\{&/, 'no unescaped ampersand form either')
  const unescaped = [...files.template.matchAll(/\{\{~?\s*([\w.]+)/g)].map(m => m[1])
  t.ok(unescaped.includes('css') && unescaped.includes('script'), 'stylesheet and script are placed by name')
  t.match(
    files.template,
    '<script type="application/json" id="report-data">{{pageData}}</script>',
    'the page data is one escaped JSON block',
  )
  t.notMatch(files.css, /\{\{|url\(|@import/, 'the stylesheet loads nothing')
  t.notMatch(files.script, /\{\{|fetch|XMLHttpRequest|innerHTML|eval\(/, 'the script fetches nothing and writes no markup')
})
