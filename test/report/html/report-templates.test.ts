import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import t from 'tap'
import { findTemplateDir, listTemplateDirCandidates, readTemplateFiles } from '../../../src/report/html/report-templates.js'

const packageRoot = new URL('../../../', import.meta.url)
const sourceTemplates = new URL('src/report/html/templates/', packageRoot).href

t.test('from the source tree the templates are next to the module', async t => {
  t.equal(findTemplateDir().href, sourceTemplates)
})

t.test('from the built tree (dist/report/html) the source templates are found under the package root', async t => {
  const builtModule = new URL('dist/report/html/render-html-report.js', packageRoot).href
  const candidates = listTemplateDirCandidates(builtModule)
  t.same(candidates.map(url => url.href), [new URL('dist/report/html/templates/', packageRoot).href, sourceTemplates])
  t.equal(findTemplateDir([new URL('file:///nonexistent-atseq/'), ...candidates.slice(1)]).href, sourceTemplates)
})

t.test('a missing template folder is an error naming every place looked at', async t => {
  const empty = mkdtempSync(join(tmpdir(), 'atseq-templates-'))
  t.teardown(() => rmSync(empty, { recursive: true, force: true }))
  t.throws(() => findTemplateDir([pathToFileURL(`${empty}/`)]), { message: new RegExp(`report\\.hbs.*${empty}`) })
})

t.test('templates place values and never insert record data unescaped', async t => {
  const files = readTemplateFiles()
  t.notMatch(files.template, /\{\{\{/, 'no triple-stash in the template')
  t.notMatch(files.template, /\{\{&/, 'no unescaped ampersand form either')
  const unescaped = [...files.template.matchAll(/\{\{~?\s*([\w.]+)/g)].map(m => m[1])
  t.ok(unescaped.includes('css') && unescaped.includes('script'), 'stylesheet and script are the only SafeStrings, placed by name')
  t.notMatch(files.css, /\{\{|url\(|@import/, 'the stylesheet loads nothing')
  t.notMatch(files.script, /\{\{|fetch|XMLHttpRequest|innerHTML|eval\(/, 'the script fetches nothing and writes no markup')
})
