/** Launches Debian's headless Chromium for page tests: no sandbox, no GPU, nothing that phones home. */
import { chromium, type Browser } from 'playwright-core'
import type { Test } from 'tap'
import { findTool } from './system-tool.js'

/** Flags that keep Chromium quiet: no first-run page, no background fetches, no component or sync traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** A headless Chromium on a fresh temporary profile, closed when the test ends; check `requireTool(t, 'chromium')` first. */
export async function launchChromium(t: Test): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: findTool('chromium'), headless: true, args: CHROMIUM_ARGS })
  t.teardown(() => browser.close())
  return browser
}
