// How fast the HTML report opens in a browser: synthetic runs of 100, 1,000 and 10,000 steps are rendered (time and
// size), written to a temporary folder and opened from file:// in headless Chromium, each ROUNDS times in a fresh
// context. "first render" is the first contentful paint; "interactive" is the page script's `globalThis.__reportReady`
// (the first rows drawn and the filters wired), both in milliseconds since navigation started. Target: 10,000 steps
// interactive in under 1 s (median); the script exits 1 when it misses. Uses the built tree (`npm run bench` builds).
// Set CHROMIUM to a Chromium binary (default /usr/bin/chromium); without one it says so and exits 3 (not measured),
// which `npm run bench` counts against its exit 0.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { renderHtmlReport } from '../dist/report/html/render-html-report.js'
import { generateLargeRun } from '../test/report/fixtures/large-run.mjs'
import { SKIPPED_EXIT, Table, finish, median, parseArgs } from './harness.mjs'

const SIZES = [100, 1000, 10_000]
const ROUNDS = Number(process.env.ATSEQ_BENCH_ROUNDS ?? 5)
const TARGET_STEPS = 10_000
const TARGET_MS = 1000
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
// The same quiet flags the browser tests use: no sandbox, no GPU, nothing that phones home.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

function renderTimed(record) {
  const times = []
  let html = ''
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.hrtime.bigint()
    html = renderHtmlReport(record)
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return { html, renderMs: median(times.sort((a, b) => a - b)) }
}

async function openTimed(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  try {
    const page = await context.newPage()
    await page.goto(url)
    await page.waitForFunction(
      () => globalThis.__reportReady !== undefined && performance.getEntriesByName('first-contentful-paint').length > 0,
      null,
      { timeout: 60_000 },
    )
    return await page.evaluate(() => ({
      firstRenderMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      interactiveMs: globalThis.__reportReady,
    }))
  } finally {
    await context.close()
  }
}

async function measureSize(browser, dir, steps) {
  const { html, renderMs } = renderTimed(generateLargeRun(steps))
  const path = join(dir, `run-${steps}.html`)
  writeFileSync(path, html)
  await openTimed(browser, pathToFileURL(path).href) // a first open warms the browser's caches outside the figures
  const paint = []
  const ready = []
  for (let round = 0; round < ROUNDS; round++) {
    const { firstRenderMs, interactiveMs } = await openTimed(browser, pathToFileURL(path).href)
    paint.push(firstRenderMs)
    ready.push(interactiveMs)
  }
  paint.sort((a, b) => a - b)
  ready.sort((a, b) => a - b)
  return { steps, renderMs, bytes: Buffer.byteLength(html), paint, ready }
}

if (!existsSync(CHROMIUM)) {
  console.log(`report opening: no Chromium at ${CHROMIUM}; NOT MEASURED`)
  process.exit(SKIPPED_EXIT)
}

const dir = mkdtempSync(join(tmpdir(), 'atseq-bench-open-'))
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
const table = new Table(`report opening in headless Chromium, median of ${ROUNDS} fresh contexts, ms since navigation`)
try {
  for (const steps of SIZES) {
    const m = await measureSize(browser, dir, steps)
    const note = `render ${m.renderMs.toFixed(0)} ms, ${(m.bytes / 1024 / 1024).toFixed(2)} MB, best ${m.paint[0].toFixed(0)} / ${m.ready[0].toFixed(0)} ms`
    table.figure({ name: `${steps} steps: first contentful paint`, value: median(m.paint), unit: 'ms' })
    const interactive = { name: `${steps} steps: interactive`, value: median(m.ready), unit: 'ms', note }
    if (steps === TARGET_STEPS) table.limit({ ...interactive, target: { atMost: TARGET_MS } })
    else table.figure(interactive)
  }
} finally {
  await browser.close()
  rmSync(dir, { recursive: true, force: true })
}
finish(table, parseArgs())
