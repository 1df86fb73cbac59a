/**
 * Values that change between runs of the same session, and how a recorded line that holds one becomes an
 * expectation: a regex with the value's shape (and a named capture where a later step may want it) instead
 * of the literal. Device identifiers (IMEI, IMSI, ICCID) are never written: only their shape is.
 */

/** An expectation as the draft writes it: an exact line, or a regex source (without slashes). */
export type DraftLine = { kind: 'exact'; text: string } | { kind: 'regex'; source: string }

interface VolatileRule {
  /** Why the value changes, for the reader of this file. */
  name: string
  /** Finds the changing values in a line (global). */
  find: RegExp
  /** The regex source standing for one value; `$name` places a named capture group. */
  shape: string
}

/** Rules applied in order; the first rule to claim a stretch of the line wins. */
export const VOLATILE_RULES: readonly VolatileRule[] = [
  // ICCID: 19-20 digits starting 89 (some modems end it in F). IMEI and IMSI: 15 digits.
  { name: 'ICCID', find: /(?<![0-9A-F])89\d{17,18}F?(?![0-9A-F])/g, shape: '[0-9A-F]{19,20}' },
  { name: 'IMEI or IMSI', find: /(?<!\d)\d{15}(?!\d)/g, shape: '\\d{15}' },
  { name: 'IPv4 address', find: /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])/g, shape: '\\d{1,3}(?:\\.\\d{1,3}){3}' },
  { name: 'clock', find: /"\d{2}\/\d{2}\/\d{2},\d{2}:\d{2}:\d{2}[+-]\d{1,2}"/g, shape: '"[^"]*"' },
]

/** Whole lines whose values change: signal quality and message numbers, with captures where useful. */
const LINE_SHAPES: ReadonlyArray<{ find: RegExp; source: string }> = [
  { find: /^\+CSQ: \d+,\d+$/, source: '^\\+CSQ: (?<rssi>\\d+),(?<ber>\\d+)$' },
  { find: /^\+CMGS: \d+$/, source: '^\\+CMGS: (?<message_ref>\\d+)$' },
  { find: /^\+CMGW: \d+$/, source: '^\\+CMGW: \\d+$' },
  { find: /^\+CMTI: "[A-Z]+",\d+$/, source: '^\\+CMTI: "[A-Z]+",\\d+$' },
  { find: /^\+CTZV: .*$/, source: '^\\+CTZV: .*$' },
  { find: /^\+CTZE: .*$/, source: '^\\+CTZE: .*$' },
  { find: /^\*PSUTTZ: .*$/, source: '^\\*PSUTTZ: .*$' },
]

/** The expectation for a recorded line: exact when nothing in it changes between runs, else a regex of its shape. */
export function toDraftLine(text: string): DraftLine {
  const whole = LINE_SHAPES.find(shape => shape.find.test(text))
  if (whole) return { kind: 'regex', source: whole.source }
  const stretches = findVolatileStretches(text)
  if (stretches.length === 0 && !text.startsWith('/')) return { kind: 'exact', text }
  let source = '^'
  let at = 0
  for (const stretch of stretches) {
    source += escapeRegExp(text.slice(at, stretch.from)) + stretch.shape
    at = stretch.to
  }
  return { kind: 'regex', source: `${source}${escapeRegExp(text.slice(at))}$` }
}

function findVolatileStretches(text: string): Array<{ from: number; to: number; shape: string }> {
  const stretches: Array<{ from: number; to: number; shape: string }> = []
  for (const rule of VOLATILE_RULES) {
    for (const match of text.matchAll(rule.find)) {
      const from = match.index
      const to = from + match[0].length
      if (!stretches.some(s => from < s.to && to > s.from)) stretches.push({ from, to, shape: rule.shape })
    }
  }
  return stretches.sort((a, b) => a.from - b.from)
}

/** Escapes a literal for a regex written between slashes. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
