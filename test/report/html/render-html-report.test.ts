import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import t from 'tap'
import { renderHtmlReport } from '../../../src/report/html/render-html-report.js'
import { readTemplateFiles } from '../../../src/report/html/report-templates.js'
import type { ClientData, ClientTranscriptEntry } from '../../../src/report/html/client-data.js'
import { serializeForScriptBlock } from '../../../src/report/html/script-json.js'
import { failingRun, hostileRun, NAMED_RUNS, seedPassRun } from '../fixtures/runs.js'

// Every place an HTML document can load something: attributes holding URLs, CSS urls and imports.

/** The page without its data block and its script: what a browser reads as markup. */
function withoutScripts(html: string): string {
  return html.replace(
    /<script type="application\/json" id="report-data">[^<]*<\/script>\n<script type="application\/json" id="report-transcripts">[^<]*<\/script>\n<script>[\s\S]*?<\/script>\n<\/body>/,
    '</body>',
  )
}

function readTranscripts(html: string): ClientTranscriptEntry[][] {
  const block = /<script type="application\/json" id="report-transcripts">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null'
  return JSON.parse(block) as ClientTranscriptEntry[][]
}

function readPageData(html: string): ClientData {
  const block = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null'
  return JSON.parse(block) as ClientData
}

const RESOURCE_ATTRIBUTE = /\s(?:src|href|action|formaction|data|poster|srcset|background|manifest|ping)\s*=\s*["']?([^"'\s>]*)/gi

t.test('every fixture renders one complete document', async t => {
  for (const [name, make] of Object.entries(NAMED_RUNS)) {
    const record = make()
    const html = renderHtmlReport(record)
    t.match(html, /^<!DOCTYPE html>\n<html lang="en">/, name)
    t.match(html, /<\/html>\n$/, name)
    const rows = html.match(/<tbody id="step-\d+" class="st s-\w+">/g) ?? []
    const failures = record.steps.filter(step => step.status === 'failed' || step.status === 'errored')
    t.equal(rows.length, failures.length, `${name}: every failed or errored step is in the page itself`)
    t.equal(readPageData(html).steps.length, record.steps.length, `${name}: every step is in the page data`)
  }
})

t.test('the page data is JSON no record text can break out of, and reads back as it was', async t => {
  const record = hostileRun()
  const hostile = '</script><script>alert(1)</script><!-- \u2028\u2029 -->'
  record.steps[0]!.received.push({ atMs: 1, kind: 'response', text: hostile })
  record.transcript.splice(
    record.steps[0]!.transcript.from,
    0,
    { atMs: 1, dir: 'rx', data: Buffer.from(hostile).toString('base64') },
    { atMs: 1, dir: 'note', data: hostile },
  )
  const html = renderHtmlReport(record)
  for (const id of ['report-data', 'report-transcripts']) {
    const block = new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(html)?.[1] ?? '<'
    t.notMatch(block, /[<>\u2028\u2029]/, `${id}: no character that could end the block or a line`)
  }
  const [bytes, note] = readTranscripts(html)[0]!
  t.same(bytes, [1, 'rx', Buffer.from(hostile).toString('base64')], 'the bytes read back unchanged, as base64')
  t.same(note, [1, 'note', hostile], 'a note reads back unchanged, as text')
  const shown = readPageData(html).steps[0]!.rcv.map(([, text]) => text)
  t.ok(shown.includes(hostile), 'the text reads back unchanged')
  t.equal(serializeForScriptBlock('<!--</script>'), '"\\u003c!--\\u003c/script\\u003e"')
})

t.test('the report is self-contained: no external URL, CSS or script of any kind', async t => {
  for (const [name, make] of Object.entries(NAMED_RUNS)) {
    // The data block is never read as markup (its own test shows nothing can end it early).
    const html = withoutScripts(renderHtmlReport(make()))
    const targets = [...html.matchAll(RESOURCE_ATTRIBUTE)].map(m => m[1] ?? '')
    t.ok(
      targets.every(target => target.startsWith('#')),
      `${name}: only in-page links (${targets.filter(x => !x.startsWith('#')).join(', ')})`,
    )
    t.notMatch(html, /<link\b|<iframe\b|<img\b|<object\b|<embed\b|@import|url\(/i, `${name}: no linked resources`)
    const page = renderHtmlReport(make())
    t.equal(page.match(/<script>/g)?.length, 1, `${name}: exactly one (inline) script`)
    t.equal(page.match(/<script\b/g)?.length, 3, `${name}: and two data blocks`)
    t.notMatch(page, /<script[^>]+src=/i, name)
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
  const command = 'AT+CMQTTCONNECT&#x3D;0,&quot;tcp://127.0.0.1:8883&quot;,60,1'
  t.match(html, `<tbody id="step-${index}" class="st s-failed"><tr><th scope="row">6</th><td><code class="a-send">${command}</code></td>`)
  t.match(html, `<a id="first-failure-link" href="#step-${index}">Jump to first failure: 6 Connect to a MQTT server</a>`)
  t.match(
    html,
    `<p class="reason">expected &#x60;+CMQTTCONNECT: 0,0&#x60;, got &#x60;+CMQTTCONNECT: 0,11&#x60; within 30s: 11 &#x3D; no connection</p><details open>`,
  )
  t.match(html, '<tbody class="skipped-note"><tr><td colspan="6">15 steps not run after step 6 failed</td></tr></tbody>')
  t.equal(html.match(/<tbody id="step-\d+" class="st s-skipped">/g), null, 'no skipped step is listed with the failures')
  t.same(
    [...html.matchAll(/<input type="checkbox" name="status" value="(\w+)" checked>/g)].map(m => m[1]),
    ['passed', 'failed', 'skipped'],
    'a filter for each status some step has',
  )
})

t.test('each step has its duration and attempts, also when it passed', async t => {
  const steps = readPageData(renderHtmlReport(seedPassRun())).steps
  t.ok(steps.some(step => step.sl === 'PASS' && step.tm === '2.04 s · 2 attempts' && step.att === 2))
  t.ok(steps.some(step => step.urcs.includes('+CMQTTNONET')))
  t.ok(steps.some(step => step.caps.join() === 'rssi = 23,ber = 99'))
})

t.test('everything from the record is escaped: hostile modem output stays text', async t => {
  const html = renderHtmlReport(hostileRun())
  const withoutOurScript = withoutScripts(html)
  t.notMatch(withoutOurScript, /<script|<img|<svg|<iframe|<style>body|<\/textarea>|onerror=|onload=/i)
  const received = readPageData(html).steps.flatMap(step => step.rcv.map(([, text]) => text))
  t.ok(received.includes('Manufacturer: <script>window.__xss=1;alert(1)</script>'), 'record text reaches the page data as text')
  t.ok(received.includes('Model: </textarea><img src=x onerror="window.__xss=2">'))
  t.ok(received.includes("Revision: {{constructor.constructor('window.__xss=3')()}}"), 'template syntax in data is not evaluated')
  t.match(html, '&lt;/details&gt;&lt;script&gt;window.__xss&#x3D;8&lt;/script&gt;', 'a failure reason is in the page, escaped')
  t.match(html, `<title>&lt;script&gt;window.__xss&#x3D;9&lt;/script&gt; MQTTS &amp; &quot;friends&quot;: FAILED</title>`)
  t.ok(
    readTranscripts(html)[0]!.some(([, dir, data]) => dir === 'rx' && Buffer.from(data, 'base64').includes('garbage\x00\x01\x1b')),
    'control bytes reach the transcript block as bytes (the page escapes them when drawn: html-browser.test.ts)',
  )
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
