/**
 * Opens written HTML reports in headless Chromium (Debian's /usr/bin/chromium) from file:// as a
 * ticket attachment would be opened, and checks what a reader sees and does: the table, the
 * summary, expanding a step, jumping to and filtering failures, printing, and that modem output
 * carrying `<script>` stays text. Screenshots go to `.tap/screenshots/`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import t, { type Test } from 'tap'
import type { RunRecord } from '../../src/model/run-record.js'
import { escapeBytes } from '../../src/record/transcript-text.js'
import { writeReports } from '../../src/report/write-reports.js'
import { launchChromium } from '../helpers/launch-chromium.js'
import { requireTool } from '../helpers/system-tool.js'
import { brokerQosRun } from './fixtures/broker-run.js'
import { failingRun, generateLargeRun, hostileRun, seedPassRun } from './fixtures/runs.js'

const SCREENSHOT_DIR = resolve('.tap', 'screenshots')

/** The few browser globals the tests read (the test tree is compiled without the DOM library). */
interface BrowserGlobals {
  getComputedStyle(element: unknown): { position: string }
  __xss?: unknown
}

interface OpenedReport {
  page: Page
  url: string
  /** Every URL the page asked for. */
  requests: string[]
  /** Every dialog (alert, confirm) the page opened. */
  dialogs: string[]
}

async function writeHtml(t: Test, record: RunRecord, baseName: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'atseq-html-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const [written] = await writeReports(record, { dir, formats: ['html'], baseName })
  return pathToFileURL(written!.path).href
}

async function openReport(browser: Browser, url: string, javaScriptEnabled = true): Promise<OpenedReport> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, javaScriptEnabled })
  const page = await context.newPage()
  const opened: OpenedReport = { page, url, requests: [], dialogs: [] }
  page.on('request', request => opened.requests.push(request.url()))
  page.on('dialog', dialog => {
    opened.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(url)
  return opened
}

async function saveScreenshot(t: Test, page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage })
  t.comment(`screenshot: ${path}`)
}

t.test('the HTML report in a browser', async t => {
  if (!requireTool(t, 'chromium')) return
  const browser = await launchChromium(t)

  const failing = failingRun()
  const failingUrl = await writeHtml(t, failing, 'mqtts-not-verify-server')

  t.test('shows the table and the summary, and loads nothing but itself', async t => {
    const { page, requests, dialogs, url } = await openReport(browser, failingUrl)
    t.teardown(() => page.context().close())
    t.same(await page.locator('#steps thead th').allInnerTexts(), ['No', 'Command', 'Expected', 'Received', 'Description', 'Result'])
    const ran = failing.steps.filter(step => step.status !== 'skipped').length
    t.equal(await page.locator('#steps tbody.st').count(), ran, 'every step that ran has its row')
    const row = page.locator('#steps tbody.s-failed').first()
    t.same(await row.locator('tr').first().locator('th, td').allInnerTexts(), [
      '6',
      'AT+CMQTTCONNECT=0,"tcp://127.0.0.1:8883",60,1',
      'OK\nurc: +CMQTTCONNECT: 0,0',
      'OK\n+CMQTTCONNECT: 0,11',
      'Connect to a MQTT server',
      'FAIL\n851 ms',
    ])
    t.match(await page.locator('h1').innerText(), /FAILED\s+MQTTS - Not Verify Server/)
    t.match(await page.locator('.counts').innerText(), /31\s+Steps[\s\S]*15\s+Passed[\s\S]*1\s+Failed[\s\S]*0\s+Errors[\s\S]*15\s+Skipped/)
    t.match(await page.locator('.summary').innerText(), /Exit code\s+1 \(a step failed\)/)
    t.ok(await page.locator('#toolbar').isVisible(), 'our own script ran under the Content-Security-Policy')
    t.ok(await page.locator('#timeline-canvas').isVisible(), 'the timeline is drawn')
    t.same(requests, [url], 'no request other than the report itself')
    t.same(dialogs, [])
    await saveScreenshot(t, page, 'report-failing-summary')
  })

  t.test('skipped steps are one grey line that opens on demand, never red', async t => {
    const { page } = await openReport(browser, failingUrl)
    t.teardown(() => page.context().close())
    const group = page.locator('#steps tbody.skipped-run')
    t.equal(await group.count(), 1)
    t.match(await group.innerText(), /^▸ 15 steps not run after step 6 failed/)
    t.equal(await page.locator('#steps tbody.s-skipped').count(), 0, 'no skipped row until asked')
    t.equal(await page.locator('#steps .s-skipped .reason, #steps tbody.skipped-run .reason').count(), 0, 'no reason in red')
    await group.locator('button').click()
    t.equal(await page.locator('#steps tbody.s-skipped').count(), 15)
    t.match(await page.locator('#failed-steps tbody.skipped-note').innerText(), '15 steps not run after step 6 failed')
  })

  t.test('expands a step into its timestamped transcript, as text and hex', async t => {
    const { page } = await openReport(browser, failingUrl)
    t.teardown(() => page.context().close())
    const step = page.locator('#steps tbody.st', { has: page.locator('th', { hasText: /^2$/ }) })
    t.equal(await step.locator('.tr').count(), 0, 'a passed step starts collapsed, its transcript not yet drawn')
    await step.locator('summary').click()
    const text = await step.locator('.tr').innerText()
    t.match(text, /\+\d+\.\d{3}\s+→ tx\s+AT\+CMQTTSTART\\r\s+41 54 2b 43 4d 51 54 54 53 54 41 52 54 0d/)
    t.match(text, /\+\d+\.\d{3}\s+← rx\s+\\r\\n\+CMQTTSTART: 0\\r\\n\s+0d 0a 2b/)
    t.ok(await page.locator('#failed-steps tbody.s-failed .tr').isVisible(), 'a failed step shows its transcript open')
  })

  t.test('draws every byte of an opened transcript as the text reports show it', async t => {
    // The page escapes the bytes itself when a transcript is opened; it must give what escapeBytes gives.
    const record = failingRun()
    const index = record.steps.findIndex(step => step.no === '2')
    const { from, to } = record.steps[index]!.transcript
    const every = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte))
    const notUtf8 = [[0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0x80], [0xff, 0x41]]
    let seed = 7
    const random = Buffer.from(Array.from({ length: 600 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff))
    const cases = [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), every]),
      Buffer.concat([...notUtf8.map(bytes => Buffer.from(bytes)), Buffer.from('한국어 “quoted” 😀\\x41<CTRL-Z>')]),
      random,
    ]
    t.equal(to - from, cases.length, 'the step has one entry for each case')
    cases.forEach((bytes, k) => {
      record.transcript[from + k] = { ...record.transcript[from + k]!, data: bytes.toString('base64') }
    })
    const { page } = await openReport(browser, await writeHtml(t, record, 'every-byte'))
    t.teardown(() => page.context().close())
    const step = page.locator('#steps tbody.st', { has: page.locator('th', { hasText: /^2$/ }) })
    await step.locator('summary').click()
    const drawn = await step.locator('.tr > span').evaluateAll(spans =>
      spans.map(span => {
        const node = span as unknown as { firstChild: { nodeValue: string }; lastChild: { textContent: string } }
        return [node.firstChild.nodeValue, node.lastChild.textContent]
      }),
    )
    t.same(
      drawn,
      cases.map(bytes => [escapeBytes(bytes), [...bytes].map(byte => byte.toString(16).padStart(2, '0')).join(' ')]),
    )
  })

  t.test('jumps to the first failure; filters and search narrow the rows', async t => {
    const { page } = await openReport(browser, failingUrl)
    t.teardown(() => page.context().close())
    await page.locator('#first-failure-link').click()
    const index = failing.steps.findIndex(s => s.status === 'failed')
    t.equal(new URL(page.url()).hash, `#step-${index}`)
    const box = await page.locator(`#step-${index}`).boundingBox()
    t.ok(box !== null && box.y >= 0 && box.y < (page.viewportSize()?.height ?? 0), 'the failed step is in view')
    await page.locator('input[name="status"][value="passed"]').uncheck()
    await page.locator('input[name="status"][value="skipped"]').uncheck()
    t.equal(await page.locator('#steps tbody.st').count(), 1)
    t.equal(await page.locator('#steps tbody.skipped-run').count(), 0)
    t.match(await page.locator('#shown').innerText(), '1 of 31 steps')
    await page.locator('input[name="status"][value="passed"]').check()
    await page.locator('#search').fill('cmqttstart: 0')
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } } }).document
        .querySelector('#shown')
        .textContent.startsWith('1 of'),
    )
    t.same(await page.locator('#steps tbody.st th').allInnerTexts(), ['2'], 'search reads the responses')
    await page.locator('#search').fill('')
    await page.locator('input[name="status"][value="skipped"]').check()
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } } }).document.querySelector('#shown')
          .textContent === 'all 31 steps',
    )
  })

  t.test('without JavaScript the summary and every failure still read', async t => {
    const { page } = await openReport(browser, failingUrl, false)
    t.teardown(() => page.context().close())
    t.match(await page.locator('.counts').innerText(), /1\s+Failed/)
    t.ok(await page.locator('#failed-steps tbody.s-failed').isVisible())
    t.match(await page.locator('#failed-steps .reason').innerText(), /11 = no connection/)
    t.ok(await page.locator('#failed-steps .tr').isVisible(), 'the failure shows its transcript')
    t.ok(await page.locator('#needs-script').isVisible(), 'the page says the full table needs its script')
    t.notOk(await page.locator('#toolbar').isVisible(), 'controls that need JavaScript stay hidden')
  })

  t.test('prints the failures with their transcripts and no toolbar', async t => {
    const { page } = await openReport(browser, failingUrl)
    t.teardown(() => page.context().close())
    await page.emulateMedia({ media: 'print' })
    t.notOk(await page.locator('#toolbar').isVisible())
    t.ok(await page.locator('#failed-steps .tr').isVisible(), 'the failures print in full')
    t.equal(
      await page
        .locator('thead th')
        .first()
        .evaluate(el => (globalThis as unknown as BrowserGlobals).getComputedStyle(el).position),
      'static',
      'no sticky header on paper',
    )
    const pdf = await page.pdf({ format: 'A4', landscape: true })
    t.ok(pdf.subarray(0, 5).toString() === '%PDF-', 'it renders to PDF')
  })

  t.test('a broker check shows what it expects and what the broker received, with the QoS that differed', async t => {
    const record = brokerQosRun()
    const { page } = await openReport(browser, await writeHtml(t, record, 'broker'))
    t.teardown(() => page.context().close())
    for (const table of ['#failed-steps', '#steps']) {
      const cells = page.locator(`${table} tbody.s-failed`).first().locator('tr').first().locator('td')
      t.match(await cells.nth(1).innerText(), 'broker: topic dddrrrggghhhk, payload "hello", qos 1', `${table}: under Expected`)
      t.match(
        await cells.nth(2).innerText(),
        'broker: topic dddrrrggghhhk, payload "hello", qos 0, retain false',
        `${table}: under Received`,
      )
    }
    await saveScreenshot(t, page, 'report-broker-qos')
  })

  t.test('with a baseline, changed steps are marked and can be shown alone', async t => {
    const dir = mkdtempSync(join(tmpdir(), 'atseq-html-'))
    t.teardown(() => rmSync(dir, { recursive: true, force: true }))
    const [written] = await writeReports(failing, { dir, formats: ['html'], baseName: 'run', baseline: seedPassRun() })
    const { page } = await openReport(browser, pathToFileURL(written!.path).href)
    t.teardown(() => page.context().close())
    t.match(await page.locator('#baseline-summary').innerText(), /steps changed since the baseline/)
    t.match(await page.locator('#steps tbody.s-failed .chg').innerText(), 'was passed')
    await page.locator('#only-changed').check()
    const unchanged = await page.locator('#steps tbody.st:not(.changed)').count()
    t.equal(unchanged, 0, 'only changed steps remain')
    t.ok((await page.locator('#steps tbody.st.changed').count()) >= 1)
  })

  t.test('a long run draws its rows as the reader scrolls, and a link to any step draws up to it', async t => {
    const record = generateLargeRun(2000)
    const url = await writeHtml(t, record, 'long')
    const { page } = await openReport(browser, url)
    t.teardown(() => page.context().close())
    const drawn = await page.locator('#steps tbody.st').count()
    t.ok(drawn > 0 && drawn < 300, `only the first rows are drawn at first (${drawn})`)
    await page.locator('#more-rows').scrollIntoViewIfNeeded()
    await page.waitForFunction(
      count =>
        (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll(
          '#steps tbody.st',
        ).length > count,
      drawn,
    )
    const index = record.steps.findIndex((step, i) => i > 1500 && step.status === 'passed')
    await page.goto(`${url}#step-${index}`)
    await page.locator(`#row-${index}`).waitFor()
    t.ok(await page.locator(`#row-${index}`).isVisible(), 'the linked step is drawn and in view')
  })

  t.test('modem output carrying <script> stays text and never runs', async t => {
    const record = hostileRun()
    record.steps[2]!.received.push({ atMs: 1, kind: 'response', text: '</script><script>alert(1)</script>' })
    const { page, requests, dialogs, url } = await openReport(browser, await writeHtml(t, record, 'hostile'))
    t.teardown(() => page.context().close())
    t.equal(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).__xss), undefined)
    t.same(dialogs, [], 'no alert fired')
    t.same(requests, [url], 'no image or frame was requested')
    t.equal(await page.locator('#steps tbody.st').count(), record.steps.length, 'the markup did not break the table')
    t.match(await page.locator('h1').innerText(), '<script>window.__xss=9</script> MQTTS & "friends"')
    t.match(await page.locator('#steps tbody.st').first().innerText(), 'Manufacturer: <script>window.__xss=1;alert(1)</script>')
    t.match(await page.locator('#steps tbody.st').first().innerText(), "Revision: {{constructor.constructor('window.__xss=3')()}}")
    t.match(await page.locator('#steps tbody.st').nth(2).innerText(), '</script><script>alert(1)</script>')
    t.match(await page.locator('#failed-steps tbody.s-failed .reason').innerText(), '</details><script>window.__xss=8</script>')
    t.ok(await page.locator('body').isVisible(), 'an injected style did not hide the page')
    await page.locator('#expand-all').click({ timeout: 5000 })
    t.equal(
      await page.evaluate(() => (globalThis as unknown as BrowserGlobals).__xss),
      undefined,
      'nothing ran after expanding every transcript',
    )
    await saveScreenshot(t, page, 'report-hostile', true)
  })
})
