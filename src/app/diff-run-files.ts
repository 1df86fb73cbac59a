/** The I/O shell around diffRuns: read two run records, compare them, write the HTML page. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { formatDiffText } from '../report/diff/format-diff-text.js'
import { renderDiffHtml } from '../report/diff/render-diff-html.js'
import { diffRuns, type DiffOptions } from '../diff/diff-runs.js'
import type { RunDiff } from '../model/run-diff.js'
import { readRunRecord } from '../diff/read-run-record.js'

export interface DiffFilesOptions extends DiffOptions {
  /** Where the HTML page goes; default `<B's folder>/<B's name>.diff.html`; `false` writes none. */
  htmlPath?: string | false
  atseqVersion: string
}

export type DiffFilesOutcome =
  { kind: 'compared'; diff: RunDiff; text: string[]; htmlPath?: string } | { kind: 'invalid-input'; message: string }

/** Compares run record `pathA` (before) with `pathB` (after). */
export function diffRunFiles(pathA: string, pathB: string, options: DiffFilesOptions): DiffFilesOutcome {
  const a = readRunRecord(pathA)
  if (!a.ok) return { kind: 'invalid-input', message: a.message }
  const b = readRunRecord(pathB)
  if (!b.ok) return { kind: 'invalid-input', message: b.message }
  const diff = diffRuns(a.record, b.record, { a: pathA, b: pathB }, options)
  const htmlPath = options.htmlPath === false ? undefined : (options.htmlPath ?? defaultHtmlPath(pathB))
  if (htmlPath !== undefined) {
    mkdirSync(dirname(htmlPath), { recursive: true })
    writeFileSync(htmlPath, renderDiffHtml(diff, options.atseqVersion))
  }
  return { kind: 'compared', diff, text: formatDiffText(diff), ...(htmlPath === undefined ? {} : { htmlPath }) }
}

function defaultHtmlPath(pathB: string): string {
  return join(dirname(pathB), `${basename(pathB).replace(/\.json$/i, '')}.diff.html`)
}
