import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import Handlebars from 'handlebars'
import t from 'tap'
import { renderHtmlReport } from '../../../src/report/html/render-html-report.js'
import { readTemplateFiles } from '../../../src/report/html/report-templates.js'
import { failingRun, hostileRun, NAMED_RUNS, seedPassRun } from '../fixtures/runs.js'

// Every place an HTML document can load something: attributes holding URLs, CSS urls and imports.
const escape = (text: string): string => Handlebars.escapeExpression(text)

const RESOURCE_ATTRIBUTE = /\s(?:src|href|action|formaction|data|poster|srcset|background|manifest|ping)\s*=\s*["']?([^"'\s>]*)/gi

t.test('every fixture renders one complete document', async t => {
  for (const [name, make] of Object.entries(NAMED_RUNS)) {
    const record = make()
    const html = renderHtmlReport(record)
    t.match(html, /^<!DOCTYPE html>\n<html lang="en">/, name)
    t.match(html, /<\/html>\n$/, name)
    const rows = html.match(/<tbody id="step-\d+" class="st s-\w+">/g) ?? []
    t.equal(rows.length, record.steps.length, `${name}: one row group per step`)
  }
})

t.test('the report is self-contained: no external URL, CSS or script of any kind', async t => {
  for (const [name, make] of Object.entries(NAMED_RUNS)) {
    const html = renderHtmlReport(make())
    const targets = [...html.matchAll(RESOURCE_ATTRIBUTE)].map(m => m[1] ?? '')
    t.ok(
      targets.every(target => target.startsWith('#')),
      `${name}: only in-page links (${targets.filter(x => !x.startsWith('#')).join(', ')})`,
    )
    t.notMatch(html, /<link\b|<iframe\b|<img\b|<object\b|<embed\b|@import|url\(/i, `${name}: no linked resources`)
    t.equal(html.match(/<script\b/g)?.length, 1, `${name}: exactly one (inline) script`)
    t.notMatch(html, /<script[^>]+src=/i, name)
  }
})

t.test('a Content-Security-Policy allows only our own inline script and no network', async t => {
  const html = renderHtmlReport(seedPassRun())
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? ''
  t.match(csp, /default-src 'none'/)
  const script = readTemplateFiles().script
  const hash = createHash('sha256').update(script).digest('base64')
  t.match(csp, `script-src 'sha256-${hash}'`)
  t.ok(html.includes(`<script>${script}</script>`), 'the script is inlined byte for byte, so the hash matches')
})

t.test('the table is laid out like the spec table and readable without script', async t => {
  const record = failingRun()
  const html = renderHtmlReport(record)
  t.match(
    html,
    /<th scope="col">No<\/th><th scope="col">Command<\/th><th scope="col">Expected<\/th><th scope="col">Received<\/th><th scope="col">Description<\/th><th scope="col">Result<\/th>/,
  )
  const index = record.steps.findIndex(s => s.no === '6')
  const command = escape('AT+CMQTTCONNECT=0,"tcp://127.0.0.1:8883",60,1')
  t.match(html, `<tbody id="step-${index}" class="st s-failed"><tr><th scope="row">6</th><td><code class="a-send">${command}</code></td>`)
  t.match(html, `<a id="first-failure-link" href="#step-${index}">Jump to first failure: 6 Connect to a MQTT server</a>`)
  t.match(
    html,
    `<p class="reason">${escape('expected `+CMQTTCONNECT: 0,0`, got `+CMQTTCONNECT: 0,11` within 30s: 11 = no connection')}</p><details open>`,
  )
  t.match(html, /<input type="checkbox" id="only-failures">/)
  t.match(html, /body:has\(#only-failures:checked\) tbody\.s-passed/, 'the failure filter works with CSS alone')
})

t.test('each step has its duration and attempts, also when it passed', async t => {
  const html = renderHtmlReport(seedPassRun())
  t.match(html, /<span class="badge b-passed">PASS<\/span><span class="tm">2\.04 s · 2 attempts<\/span>/)
  t.match(html, /<p class="urcs">Unexpected URCs: <code>\+CMQTTNONET<\/code><\/p>/)
  t.match(html, /<p class="caps">Captured: <code>rssi = 23<\/code><code>ber = 99<\/code><\/p>/)
})

t.test('everything from the record is escaped: hostile modem output stays text', async t => {
  const html = renderHtmlReport(hostileRun())
  const withoutOurScript = html.replace(/<script>[^<]*<\/script>\n<\/body>/, '')
  t.notMatch(withoutOurScript, /<script|<img|<svg|<iframe|<style>body|<\/textarea>|onerror=|onload=/i)
  t.match(html, escape('Manufacturer: <script>window.__xss=1;alert(1)</script>'))
  t.match(html, escape('Model: </textarea><img src=x onerror="window.__xss=2">'))
  t.match(html, escape("Revision: {{constructor.constructor('window.__xss=3')()}}"), 'template syntax in data is not evaluated')
  t.match(html, `<title>${escape('<script>window.__xss=9</script> MQTTS & "friends": FAILED')}</title>`)
  t.match(html, escape('garbage\\x00\\x01<ESC>'), 'control bytes are shown escaped')
  t.notMatch(html, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/, 'no raw control character reaches the document')
})

t.test('the built module in dist/ finds the templates and renders the same report', async t => {
  const built = new URL('../../../dist/report/html/render-html-report.js', import.meta.url)
  if (!existsSync(built)) {
    t.fail('dist/ is not built: run `npx tsc -p .` first (npm test does)')
    return
  }
  const record = seedPassRun()
  const program = `import { renderHtmlReport } from ${JSON.stringify(built.href)}
let input = ''
process.stdin.setEncoding('utf8').on('data', c => { input += c }).on('end', () => process.stdout.write(renderHtmlReport(JSON.parse(input))))`
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', program], {
    input: JSON.stringify(record),
    encoding: 'utf8',
    cwd: '/',
    timeout: 60_000,
  })
  t.equal(child.status, 0, child.stderr)
  t.equal(child.stdout, renderHtmlReport(record))
})
