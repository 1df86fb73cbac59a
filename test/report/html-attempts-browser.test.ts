/**
 * A retried step in the HTML report, opened in headless Chromium from file://: a reader expands the step's attempts
 * and sees each one's number, start, duration, what it got and why it failed, for a step that passed in the end
 * (drawn by the page script) and for one that failed (in the page as markup, readable without the script).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import t, { type Test } from 'tap'
import type { RunRecord, StepAttempt, StepResult } from '../../src/model/run-record.js'
import { writeReports } from '../../src/report/write-reports.js'
import { launchChromium } from '../helpers/launch-chromium.js'
import { requireTool } from '../helpers/system-tool.js'
import { failingRun, seedPassRun } from './fixtures/runs.js'

function attempt(n: number, status: StepAttempt['status'], startedAtMs: number, text: string, reason?: string): StepAttempt {
  return {
    n,
    startedAtMs,
    durationMs: 250,
    status,
    ...(reason === undefined ? {} : { reason, failure: { kind: 'final-mismatch' as const } }),
    received: [{ atMs: startedAtMs + 10, kind: 'response', text }],
  }
}

/** The record with the step numbered `no` made a retried one: two failed polls, then the given last attempt. */
function withRetries(record: RunRecord, no: string, last: StepAttempt): RunRecord {
  const steps = record.steps.map((step): StepResult => {
    if (step.no !== no || step.phase !== 'steps') return step
    const log = [
      attempt(1, 'failed', step.startedAtMs, '+CREG: 0,2', 'expected `+CREG: 0,1`, got `+CREG: 0,2`'),
      attempt(2, 'failed', step.startedAtMs + 1250, '+CREG: 0,2', 'expected `+CREG: 0,1`, got `+CREG: 0,2`'),
      { ...last, startedAtMs: step.startedAtMs + 2500 },
    ]
    return { ...step, attempts: 3, attemptLog: log }
  })
  return { ...record, steps }
}

async function writeHtml(t: Test, record: RunRecord): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'atseq-attempts-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const [written] = await writeReports(record, { dir, formats: ['html'], baseName: 'retried' })
  return pathToFileURL(written!.path).href
}

t.test('the attempts of a retried step in a browser', async t => {
  if (!requireTool(t, 'chromium')) return
  const browser = await launchChromium(t)

  t.test('a step that passed on its third attempt lists all three when expanded', async t => {
    const record = withRetries(seedPassRun(), '1', attempt(3, 'passed', 0, '+CREG: 0,1'))
    const index = record.steps.findIndex(step => step.no === '1' && step.phase === 'steps')
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    t.teardown(() => context.close())
    const page = await context.newPage()
    await page.goto(await writeHtml(t, record))
    const row = page.locator(`#row-${index}`)
    t.match(await row.locator('.tm').first().innerText(), /3 attempts/, 'the result column says how many')
    const attempts = row.locator('details.attempts')
    t.notOk(await attempts.evaluate(node => (node as unknown as { open: boolean }).open), 'closed until asked for')
    await attempts.locator('summary').click()
    const items = attempts.locator('ol.att > li')
    await items.first().waitFor({ state: 'visible', timeout: 5000 })
    const texts = await items.allInnerTexts()
    t.equal(texts.length, 3)
    t.match(texts[0], /Attempt 1\s*FAIL\s*at \+\d+\.\d{3} s, 250 ms\s*\+CREG: 0,2\s*expected `\+CREG: 0,1`, got `\+CREG: 0,2`/)
    t.match(texts[1], /Attempt 2\s*FAIL/)
    t.match(texts[2], /Attempt 3\s*PASS\s*at \+\d+\.\d{3} s, 250 ms\s*\+CREG: 0,1$/)
    const starts = texts.map(text => Number(/at \+(\d+\.\d{3}) s/.exec(text)?.[1]))
    t.ok(starts[0]! < starts[1]! && starts[1]! < starts[2]!, `starts in order: ${starts.join(', ')}`)
  })

  t.test('a failed retried step shows its attempts even without the script', async t => {
    const failing = failingRun()
    const no = failing.steps.find(step => step.status === 'failed')?.no ?? ''
    const record = withRetries(failing, no, attempt(3, 'failed', 0, '+CREG: 0,2', 'expected `+CREG: 0,1`, got `+CREG: 0,2`'))
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, javaScriptEnabled: false })
    t.teardown(() => context.close())
    const page = await context.newPage()
    await page.goto(await writeHtml(t, record))
    const items = page.locator('#failed-steps details.attempts ol.att > li')
    t.equal(await items.count(), 3)
    t.match(await items.nth(2).innerText(), /Attempt 3\s*FAIL.*expected `\+CREG: 0,1`/s)
  })

  t.test('a step tried once has no attempts list', async t => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    t.teardown(() => context.close())
    const page = await context.newPage()
    await page.goto(await writeHtml(t, seedPassRun()))
    await page.locator('#steps tbody.st').first().waitFor({ timeout: 5000 })
    t.equal(await page.locator('details.attempts').count(), 0)
  })
})
