/**
 * The one Content-Security-Policy of every HTML page atseq writes (run report, suite index, diff page):
 * nothing loads from anywhere, styles are the page's own inline sheet, and the only script that may run
 * is the page's own, allowed by its hash. Pages without a script allow none.
 */
import { createHash } from 'node:crypto'

/** The policy for a page whose only inline script is `script` (none when undefined). */
export function buildContentSecurityPolicy(script?: string): string {
  const scriptSource = script === undefined ? "'none'" : `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src ${scriptSource}`,
    "script-src-attr 'none'",
    'img-src data:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ')
}
