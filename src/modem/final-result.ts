/**
 * Final result codes (V.25ter / 3GPP 27.007): the line that ends a command's response.
 */

/** What kind of final result code a line is. */
export type FinalResultKind = 'ok' | 'error' | 'cme-error' | 'cms-error' | 'no-carrier' | 'busy' | 'no-answer' | 'no-dialtone' | 'connect'

/** A parsed final result code; `detail` is the `<n|text>` of `+CME ERROR:`/`+CMS ERROR:` or the rate after `CONNECT`. */
export interface FinalResult {
  kind: FinalResultKind
  text: string
  detail?: string
}

const exactCodes: ReadonlyMap<string, FinalResultKind> = new Map([
  ['OK', 'ok'],
  ['ERROR', 'error'],
  ['NO CARRIER', 'no-carrier'],
  ['BUSY', 'busy'],
  ['NO ANSWER', 'no-answer'],
  ['NO DIALTONE', 'no-dialtone'],
  ['CONNECT', 'connect'],
])

const prefixedCodes: ReadonlyArray<readonly [string, FinalResultKind]> = [
  ['+CME ERROR:', 'cme-error'],
  ['+CMS ERROR:', 'cms-error'],
  // `CONNECT 115200`, `CONNECT 150000000`: the rate follows after a space.
  ['CONNECT ', 'connect'],
]

/** Parses a line as a final result code, or returns undefined when it is not one. */
export function parseFinalResult(line: string): FinalResult | undefined {
  const exact = exactCodes.get(line)
  if (exact !== undefined) return { kind: exact, text: line }
  for (const [prefix, kind] of prefixedCodes) {
    if (line.startsWith(prefix)) return { kind, text: line, detail: line.slice(prefix.length).trim() }
  }
  return undefined
}

/** Whether a line is a final result code (`OK`, `ERROR`, `+CME ERROR: 10`, `NO CARRIER`, `CONNECT 115200`...). */
export function isFinalResult(line: string): boolean {
  return parseFinalResult(line) !== undefined
}
