/**
 * Opens a suite index in headless Chromium and narrows its rows as a reader would: by status, device, tag and
 * text. Without JavaScript every row stays listed and the filters stay hidden.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import t, { type Test } from 'tap'
import type { RunRecord } from '../../../src/model/run-record.js'
import { SUITE_RECORD_SCHEMA_VERSION, type SuiteRecord, type SuiteRun } from '../../../src/model/suite-record.js'
import { renderSuiteHtml } from '../../../src/report/suite/render-suite-html.js'
import { launchChromium } from '../../helpers/launch-chromium.js'
import { requireTool } from '../../helpers/system-tool.js'
import { failingRun, seedPassRun } from '../fixtures/runs.js'

function withTags(record: RunRecord, tags: string[]): RunRecord {
  return { ...record, sequence: { ...record.sequence, tags } }
}

function run(device: string, order: number, name: string, record: RunRecord): SuiteRun {
  return {
    device,
    role: 'sequence',
    order,
    sequence: { name, file: `${name}.yaml` },
    status: record.status,
    exitCode: record.exitCode,
    durationMs: record.durationMs,
    reportFile: `${device}/${name}.html`,
    record,
  }
}

/** Two devices, each running a passing `mqtt` sequence and a failing `sms <b>` one. */
function suiteRecord(): SuiteRecord {
  const pass = withTags(seedPassRun(), ['mqtt'])
  const fail = withTags(failingRun(), ['sms <b>', 'mqtt'])
  const runs = ['a', 'b'].flatMap((device, index) => [run(device, 0, `connect-${index}`, pass), run(device, 1, `texting-${index}`, fail)])
  return {
    schemaVersion: SUITE_RECORD_SCHEMA_VERSION,
    kind: 'atseq-suite',
    atseqVersion: 'test',
    suite: { name: 'nightly' },
    commandLine: ['atseq', 'run'],
    startedAt: pass.startedAt,
    durationMs: 10,
    status: 'failed',
    exitCode: 1,
    shards: [],
    plannedSequences: 2,
    devices: ['a', 'b'].map(name => ({ name, url: `sim://${name}`, identity: {}, status: 'failed' as const, exitCode: 1 })),
    runs,
  }
}

async function openIndex(t: Test, browser: Browser, javaScriptEnabled = true): Promise<Page> {
  const dir = mkdtempSync(join(tmpdir(), 'atseq-suite-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'index.html')
  writeFileSync(path, renderSuiteHtml(suiteRecord()))
  const context = await browser.newContext({ javaScriptEnabled })
  t.teardown(() => context.close())
  const page = await context.newPage()
  await page.goto(pathToFileURL(path).href)
  return page
}

/** The sequences of the visible rows in the device sections. */
function visibleRuns(page: Page): Promise<string[]> {
  return page
    .locator('section.device tr.run:visible td:nth-child(2) code')
    .evaluateAll(cells => cells.map(cell => (cell.textContent ?? '').replace('.yaml', '')))
}

t.test('the suite index in a browser', async t => {
  if (!requireTool(t, 'chromium')) return
  const browser = await launchChromium(t)

  t.test('filters by status, device, tag and text narrow the rows', async t => {
    const page = await openIndex(t, browser)
    t.match(await page.locator('#shown').innerText(), 'all 4 runs')
    await page.locator('input[name="status"][value="passed"]').uncheck()
    t.same((await visibleRuns(page)).sort(), ['texting-0', 'texting-1'])
    await page.locator('input[name="status"][value="passed"]').check()
    await page.selectOption('#device', 'b')
    t.same((await visibleRuns(page)).sort(), ['connect-1', 'texting-1'])
    t.notOk(await page.locator('#device-a').isVisible(), 'a device with no row left is hidden')
    await page.selectOption('#tag', 'sms <b>')
    t.same(await visibleRuns(page), ['texting-1'], 'tags are matched whole, markup and all')
    await page.selectOption('#device', '')
    await page.selectOption('#tag', '')
    await page.locator('#search').fill('CONNECT-0')
    t.same(await visibleRuns(page), ['connect-0'], 'search ignores case')
    t.match(await page.locator('#shown').innerText(), '1 of 4 runs')
  })

  t.test('without JavaScript every row is listed and the filters are hidden', async t => {
    const page = await openIndex(t, browser, false)
    t.equal((await visibleRuns(page)).length, 4)
    t.notOk(await page.locator('#filters').isVisible())
  })
})
