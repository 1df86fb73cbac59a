/**
 * Plants script in every field atseq renders (modem bytes, sequence and step names, descriptions, file
 * names, vars, tags, the device's identity) through the real CLI, then opens the run report, the suite
 * index and the diff page in headless Chromium from file://, clicks every link, summary and button, and
 * checks that nothing ran, nothing was fetched, the Content-Security-Policy never had to step in, and the
 * planted markup reads as text.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import t, { type Test } from 'tap'
import { EXIT } from '../../src/model/exit-code.js'
import { launchChromium } from '../helpers/launch-chromium.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { serveScriptedModem } from '../helpers/serve-scripted-modem.js'
import { requireTool } from '../helpers/system-tool.js'

const root = resolve(import.meta.dirname, '../..')

/** The few browser globals the checks read (the test tree is compiled without the DOM library). */
interface BrowserGlobals {
  __xss?: unknown
  document: {
    body: { textContent: string | null }
    querySelectorAll(selector: string): ArrayLike<{ click(): void; getAttribute(name: string): string | null }>
  }
}

/** Each planted string sets `window.__xss` to its own number if it ever runs, so a failure names its field. */
const PLANT = {
  sequenceName: '"><script>window.__xss=1</script><img src=x onerror=window.__xss=2>',
  system: '</style><script>window.__xss=3</script>',
  source: '</title><script>window.__xss=4</script>',
  tag: '<img src=x onerror=window.__xss=5>',
  schemeTag: 'javascript:window.__xss=6',
  varValue: '<svg onload=window.__xss=7>',
  stepNo: '1<b onmouseover=window.__xss=8>',
  description: '</td></tr></table><script>window.__xss=9</script>',
  template: '{{constructor.constructor("window.__xss=10")()}}',
  expected: '<b onmouseover=window.__xss=11>ok</b>',
  manufacturerA: '<svg onload=window.__xss=20>',
  manufacturerB: '<svg/onload=window.__xss=28>',
  model: '"><script>window.__xss=21</script>',
  revision: '</style><script>window.__xss=22</script>',
  responseA: '+EVIL: <img src=x onerror=window.__xss=23>',
  responseB: '+EVIL: <iframe src=javascript:window.__xss=25></iframe>',
  failingLine: '<b onmouseover=window.__xss=26>not ok</b>',
  cliVar: "'><script>window.__xss=27</script>",
  captured: '<marquee onstart=window.__xss=29>',
  fileName: 'javascript:alert(1).yaml',
  deviceName: '"><img src=x onerror=window.__xss=30>',
  deviceUrl: 'tcp://<script>window.__xss=31</script>',
  markupFileName: '"><img src=x onerror=window.__xss=12>.yaml',
} as const

// An OSC 8 hyperlink to a javascript: URL and a clear-screen: terminal bytes a modem might send.
const ESCAPES = '\x1b]8;;javascript:window.__xss=24\x07click\x1b]8;;\x07\x1b[2J'

/** A sequence with a planted string in every field a page shows; step 2 fails so failure links exist. */
function writeSequence(path: string, name: string): void {
  const yaml = (value: string): string => JSON.stringify(value)
  writeFileSync(
    path,
    [
      `sequence: ${yaml(name)}`,
      `system: ${yaml(PLANT.system)}`,
      `source: ${yaml(PLANT.source)}`,
      'device: simcom-a76xx',
      `tags: [${yaml(PLANT.tag)}, ${yaml(PLANT.schemeTag)}]`,
      'vars:',
      `  evil: ${yaml(PLANT.varValue)}`,
      'steps:',
      `  - no: ${yaml(PLANT.stepNo)}`,
      `    description: ${yaml(PLANT.description)}`,
      '    send: AT+EVIL="{{evil}}","{{cli}}"',
      `    expect: ['/^\\+EVIL: /', '/^\\+CAP: (?<cap>.*)$/', OK]`,
      '  - no: "2"',
      `    description: ${yaml(`\\${PLANT.template}`)}`,
      '    send: AT+FAIL',
      `    expect: [${yaml(PLANT.expected)}, OK]`,
      '',
    ].join('\n'),
  )
}

/** A modem whose identity and answers carry markup and terminal escapes; its manufacturer and response tell two apart. */
function createModem(manufacturer: string, response: string): () => ScriptedPeer {
  const ok = '\r\nOK\r\n'
  return () =>
    new ScriptedPeer({ echo: true })
      .on('ATI\r', `\r\nManufacturer: ${manufacturer}\r\nModel: ${PLANT.model}\r\n${ok}`)
      .on('AT+CGMR\r', `\r\n+CGMR: ${PLANT.revision}\r\n${ok}`)
      .on('AT+CGSN\r', `\r\n861111111111119\r\n${ok}`)
      .on(/AT\+EVIL=[^\r]*\r/, `\r\n${response}${ESCAPES}\r\n+CAP: ${PLANT.captured}\r\n${ok}`)
      .on('AT+FAIL\r', `\r\n${PLANT.failingLine}\r\n${ok}`)
      .on(/AT[^\r]*\r/, ok)
}

function atseq(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise(resolvePromise => {
    const child = execFile(
      process.execPath,
      ['dist/cli/main.js', ...args],
      { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } },
      (_error, _stdout, stderr) => resolvePromise({ code: child.exitCode, stderr }),
    )
  })
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(path) : [path]
  })
}

interface Pages {
  dir: string
  runReport: string
  suiteIndex: string
  diffPage: string
  mergedIndex: string
}

/** The shape of suite.json this test rewrites, as a hostile shard from elsewhere might. */
interface ShardFile {
  devices: Array<{ name: string; url: string }>
  runs: Array<{ device: string; reportFile?: string }>
}

/**
 * Rewrites the suite's record as a hostile shard (device names the CLI would refuse, a device URL of
 * markup, report files that read as a scheme or a host) and merges it, so the index renders them.
 */
async function writeMergedIndex(t: Test, dir: string, suiteJson: string): Promise<string> {
  const shard = JSON.parse(readFileSync(suiteJson, 'utf8')) as ShardFile
  const renamed = (name: string): string => (name === 'a' ? PLANT.deviceName : name)
  for (const device of shard.devices) {
    device.name = renamed(device.name)
    device.url = PLANT.deviceUrl
  }
  shard.runs.forEach((run, index) => {
    run.device = renamed(run.device)
    run.reportFile = ['javascript:window.__xss=32.html', '//evil.example/x.html'][index % 2]
  })
  const shardFile = join(dir, 'shard.json')
  writeFileSync(shardFile, JSON.stringify(shard))
  const merged = join(dir, 'merged')
  const merge = await atseq(['merge', shardFile, '--report-dir', merged])
  t.equal(merge.code, EXIT.failed, `the hostile shard merges with its failed verdict: ${merge.stderr}`)
  return join(merged, 'index.html')
}

/** Runs the planted suite on two scripted modems, then diffs one sequence's two records, all through the CLI. */
async function writePages(t: Test): Promise<Pages> {
  const dir = t.testdir({})
  const suite = join(dir, 'suite')
  mkdirSync(suite)
  writeSequence(join(suite, PLANT.fileName), PLANT.sequenceName)
  writeSequence(join(suite, PLANT.markupFileName), `${PLANT.sequenceName} two`)
  const portA = await serveScriptedModem(t, createModem(PLANT.manufacturerA, PLANT.responseA))
  const portB = await serveScriptedModem(t, createModem(PLANT.manufacturerB, PLANT.responseB))
  const reports = join(dir, 'reports')
  const run = await atseq([
    'run',
    '-d',
    `a=tcp://127.0.0.1:${portA}`,
    '-d',
    `b=tcp://127.0.0.1:${portB}`,
    '--var',
    `cli=${PLANT.cliVar}`,
    '--format',
    'html,json',
    '--report-dir',
    reports,
    suite,
  ])
  t.equal(run.code, EXIT.failed, `the planted suite runs and step 2 fails: ${run.stderr}`)
  const written = listFiles(reports)
  const records = written.filter(p => p.endsWith('.json') && !p.endsWith('suite.json') && p.includes('javascript'))
  t.equal(records.length, 2, 'one record of the first sequence per device')
  const diffPage = join(dir, 'diff.html')
  const diff = await atseq(['diff', records[0]!, records[1]!, '--html', diffPage])
  t.equal(diff.code, EXIT.passed, `diff compares the two records: ${diff.stderr}`)
  const runReport = written.find(p => p.endsWith('.html') && !p.endsWith('index.html') && p.includes('javascript'))
  const mergedIndex = await writeMergedIndex(t, dir, join(reports, 'suite.json'))
  return { dir, runReport: runReport ?? '', suiteIndex: join(reports, 'index.html'), diffPage, mergedIndex }
}

/** What a page did while it was open: every request, console message, uncaught error and dialog. */
interface Watched {
  page: Page
  url: string
  requests: string[]
  console: string[]
  errors: string[]
  dialogs: string[]
}

async function openPage(browser: Browser, path: string): Promise<Watched> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const watched: Watched = { page, url: pathToFileURL(path).href, requests: [], console: [], errors: [], dialogs: [] }
  page.on('request', request => watched.requests.push(request.url()))
  page.on('console', message => watched.console.push(`${message.type()}: ${message.text()}`))
  page.on('pageerror', error => watched.errors.push(error.message))
  page.on('dialog', dialog => {
    watched.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(watched.url)
  return watched
}

function readXss(page: Page): Promise<unknown> {
  return page.evaluate(() => (globalThis as unknown as BrowserGlobals).__xss)
}

/** Clicks every `<summary>`, button and checkbox in place, then checks nothing ran. */
async function clickControls(t: Test, watched: Watched): Promise<void> {
  const count = await watched.page.evaluate(() => {
    const controls = (globalThis as unknown as BrowserGlobals).document.querySelectorAll('summary, button, input[type=checkbox]')
    for (const control of Array.from(controls)) control.click()
    return controls.length
  })
  t.comment(`clicked ${count} summaries, buttons and checkboxes`)
  t.equal(await readXss(watched.page), undefined, 'nothing ran after clicking every summary, button and checkbox')
}

/** Follows each link from a fresh load of the page and checks where it led ran nothing and fetched nothing. */
async function followLinks(t: Test, browser: Browser, path: string, allowedDir: string): Promise<number> {
  const probe = await openPage(browser, path)
  const count = await probe.page.locator('a').count()
  await probe.page.context().close()
  for (let index = 0; index < count; index++) {
    const watched = await openPage(browser, path)
    const navigated = watched.page.waitForEvent('framenavigated', { timeout: 5000 })
    await watched.page.evaluate(at => {
      Array.from((globalThis as unknown as BrowserGlobals).document.querySelectorAll('a'))[at]!.click()
    }, index)
    await navigated
    await watched.page.waitForLoadState('load')
    t.equal(await readXss(watched.page), undefined, `nothing ran after following link ${index} to ${watched.page.url()}`)
    const strays = watched.requests.filter(url => !isLocalPage(url, allowedDir))
    t.same(strays, [], `link ${index} fetched nothing but atseq's own pages`)
    t.same(watched.errors, [], `link ${index} raised no error`)
    t.same(watched.console, [], `link ${index} logged nothing, so no Content-Security-Policy violation`)
    t.same(watched.dialogs, [], `link ${index} opened no dialog`)
    await watched.page.context().close()
  }
  return count
}

function isLocalPage(url: string, dir: string): boolean {
  return url.startsWith('data:') || (url.startsWith(pathToFileURL(dir).href + '/') && url.endsWith('.html'))
}

/** The whole check for one page: before and after clicking, requests, console, text and links; returns how many links it followed. */
async function checkPage(t: Test, browser: Browser, path: string, dir: string, literals: readonly string[]): Promise<number> {
  const watched = await openPage(browser, path)
  t.teardown(() => watched.page.context().close())
  t.equal(await readXss(watched.page), undefined, 'no planted script ran on load')
  const text = await watched.page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.body.textContent ?? '')
  for (const literal of literals) t.ok(text.includes(literal), `shows as text: ${literal}`)
  t.notOk(text.includes('\x1b'), 'no raw ESC byte reaches the page')
  const hrefs = await watched.page.evaluate(() =>
    Array.from((globalThis as unknown as BrowserGlobals).document.querySelectorAll('a[href]')).map(a => a.getAttribute('href') ?? ''),
  )
  const absolute = hrefs.filter(href => /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('/'))
  t.same(absolute, [], 'every link is relative or an anchor')
  await clickControls(t, watched)
  t.same(watched.requests, [watched.url], 'no request but the page itself')
  t.same(watched.errors, [], 'no uncaught error')
  t.same(watched.dialogs, [], 'no dialog opened')
  t.same(watched.console, [], 'no console message, so no Content-Security-Policy violation either')
  return followLinks(t, browser, path, dir)
}

t.test('no planted string runs or fetches anything on any page atseq writes', async t => {
  if (!requireTool(t, 'chromium')) return
  const pages = await writePages(t)
  const browser = await launchChromium(t)
  const everywhere = [PLANT.sequenceName, PLANT.description]

  await t.test('the run report', async t => {
    const links = await checkPage(t, browser, pages.runReport, pages.dir, [
      ...everywhere,
      PLANT.system,
      PLANT.source,
      PLANT.tag,
      PLANT.schemeTag,
      PLANT.varValue,
      PLANT.cliVar,
      `cap = ${PLANT.captured}`,
      PLANT.stepNo,
      PLANT.template,
      PLANT.expected,
      PLANT.manufacturerA,
      PLANT.model,
      PLANT.revision,
      PLANT.failingLine,
      PLANT.fileName,
      '\\x1b]8;;javascript:window.__xss=24\\x07',
    ])
    t.ok(links >= 2, `followed the first-failure and failure-list links (${links})`)
  })
  await t.test('the suite index', async t => {
    const links = await checkPage(t, browser, pages.suiteIndex, pages.dir, [
      PLANT.sequenceName,
      PLANT.fileName,
      PLANT.markupFileName,
      PLANT.manufacturerA,
      PLANT.manufacturerB,
      PLANT.model,
      PLANT.revision,
      PLANT.failingLine,
    ])
    t.equal(links, 10, 'followed both device anchors and every report link (failures list and device sections)')
  })
  await t.test('the index merged from a hostile shard', async t => {
    const links = await checkPage(t, browser, pages.mergedIndex, pages.dir, [PLANT.deviceName, PLANT.deviceUrl, PLANT.sequenceName])
    t.equal(links, 2, 'only the two device anchors: a report file that reads as a scheme or a host gets no link')
  })
  await t.test('the diff page', async t => {
    await checkPage(t, browser, pages.diffPage, pages.dir, [
      ...everywhere,
      PLANT.responseA,
      PLANT.responseB,
      PLANT.manufacturerA,
      PLANT.manufacturerB,
    ])
  })
})
