import { isScalar, Scalar, type Node } from 'yaml'
import type { Template, TextSpan } from '../model/sequence.js'
import { locateNode, type YamlSource } from './yaml-source.js'

/** A scalar's text as decoded, with the source offset each of its UTF-16 units comes from. */
interface Decoding {
  text: string
  offsets: number[]
}

/** YAML 1.2 double-quoted escapes of one character (§5.7); `\x`, `\u`, `\U` and escaped line breaks are read apart. */
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
}

const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 }

/**
 * Where a scalar's text is written: `at`, its first character, and the `spans` of a Template when the text is not
 * written as-is on one line (escapes, doubled `''`, folded or block lines). The text is decoded again beside the source
 * only to learn where each character comes from; when that decoding is not `text` (a case it does not know), every
 * offset falls back to the scalar's start.
 */
export function locateScalarText(source: YamlSource, node: Node | undefined, text: string): Pick<Template, 'at' | 'spans'> {
  const at = locateNode(source, node, true)
  if (!isScalar(node) || node.range === undefined || node.range === null || isWrittenAsIs(source.text, node)) return { at }
  const decoding = decodeScalar(source.text, node, text)
  if (decoding?.text !== text) return { at, spans: [] }
  if (decoding.offsets.length === 0) return { at }
  const spans = listSpans(source, decoding.offsets)
  const first = { ...at, line: spans[0]!.line, col: spans[0]!.col }
  return spans.length === 1 ? { at: first } : { at: first, spans }
}

/** True for a flow scalar on one line with nothing decoded (no escape, no `''`): offset n is n columns right of its start. */
function isWrittenAsIs(text: string, node: Scalar): boolean {
  const [start, end] = node.range!
  const written = text.slice(start, end)
  if (/[\r\n]/.test(written)) return false
  if (node.type === Scalar.PLAIN) return true
  if (node.type === Scalar.QUOTE_DOUBLE) return !written.includes('\\')
  return node.type === Scalar.QUOTE_SINGLE && !written.slice(1, -1).includes("'")
}

function decodeScalar(text: string, node: Scalar, decoded: string): Decoding | undefined {
  const [start, end] = node.range!
  switch (node.type) {
    case Scalar.PLAIN:
      return decodeFlow(text, start, end, 'plain')
    case Scalar.QUOTE_SINGLE:
      return decodeFlow(text, start + 1, end - 1, 'single')
    case Scalar.QUOTE_DOUBLE:
      return decodeFlow(text, start + 1, end - 1, 'double')
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED:
      return decodeBlock(text, start, end, decoded)
    default:
      return undefined
  }
}

/** Decodes the inside of a flow scalar (YAML 1.2 §7.3): line folding, `''` in single quotes, escapes in double quotes. */
function decodeFlow(text: string, start: number, end: number, style: 'plain' | 'single' | 'double'): Decoding | undefined {
  const out: Decoding = { text: '', offsets: [] }
  let i = start
  while (i < end) {
    const c = text[i]!
    if (isLineBreak(c)) i = foldLines(text, i, end, out)
    else if ((c === ' ' || c === '\t') && isLineBreak(text[skipBlanks(text, i, end)] ?? '')) i = skipBlanks(text, i, end)
    else if (style === 'single' && c === "'" && text[i + 1] === "'") {
      emit(out, "'", i)
      i += 2
    } else if (style === 'double' && c === '\\') {
      const next = decodeEscape(text, i, out)
      if (next === undefined) return undefined
      i = next
    } else {
      emit(out, c, i)
      i++
    }
  }
  return out
}

/** Folds the line break at `i` and the empty lines after it: one break reads as a space, n + 1 as n line breaks. */
function foldLines(text: string, i: number, end: number, out: Decoding): number {
  let breaks = 0
  let j = i
  while (j < end) {
    if (isLineBreak(text[j]!)) breaks++
    else if (text[j] !== ' ' && text[j] !== '\t') break
    j += text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1
  }
  // The folded characters are written nowhere; they read as the first character of the line they lead to.
  emit(out, breaks === 1 ? ' ' : '\n'.repeat(breaks - 1), j)
  return j
}

/** Reads the escape at `i` (a backslash); returns where the text goes on, undefined for an escape yaml would refuse. */
function decodeEscape(text: string, i: number, out: Decoding): number | undefined {
  const kind = text[i + 1] ?? ''
  if (isLineBreak(kind)) return skipBlanks(text, i + (kind === '\r' && text[i + 2] === '\n' ? 3 : 2), text.length)
  const digits = HEX_DIGITS[kind]
  if (digits !== undefined) {
    const hex = text.slice(i + 2, i + 2 + digits)
    const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? parseInt(hex, 16) : NaN
    if (!(code <= 0x10ffff)) return undefined
    emit(out, String.fromCodePoint(code), i)
    return i + 2 + digits
  }
  if (!Object.hasOwn(ESCAPES, kind)) return undefined
  emit(out, ESCAPES[kind]!, i)
  return i + 2
}

/**
 * Lines a `|` or `>` block (YAML 1.2 §8.1) up with its decoded `text`: the characters after each content line's
 * indentation are the text's, in order; the kept or folded line breaks between them read as the next character. The
 * indentation is the least of the content lines' unless an indentation indicator (`|2`) sets less: then the first
 * smaller one the characters line up with.
 */
function decodeBlock(source: string, start: number, end: number, text: string): Decoding | undefined {
  const header = source.indexOf('\n', start)
  if (header < 0 || header >= end) return text === '' ? { text, offsets: [] } : undefined
  const lines = splitLines(source, header + 1, end)
  const least = Math.min(...lines.filter(l => source.slice(l.start, l.end).trim() !== '').map(l => leadingSpaces(source, l.start, l.end)))
  for (let indent = Number.isFinite(least) ? least : 0; indent >= 0; indent--) {
    const offsets = alignBlockLines(source, lines, indent, text)
    if (offsets !== undefined) return { text, offsets }
  }
  return undefined
}

function alignBlockLines(
  source: string,
  lines: ReadonlyArray<{ start: number; end: number }>,
  indent: number,
  text: string,
): number[] | undefined {
  const offsets: number[] = []
  for (const line of lines) {
    const first = line.start + Math.min(indent, line.end - line.start)
    for (let s = first; s < line.end; s++) {
      // A folded line break reads as a space only after some text: a space before any is the content's own (`|1`).
      if (s === first)
        while (text[offsets.length] !== source[s] && isFoldedBreak(text[offsets.length] ?? '', offsets.length > 0)) offsets.push(s)
      if (text[offsets.length] !== source[s]) return undefined
      offsets.push(s)
    }
  }
  const last = offsets[offsets.length - 1] ?? lines[0]?.start ?? 0
  while (offsets.length < text.length && isFoldedBreak(text[offsets.length]!)) offsets.push(last)
  return offsets.length === text.length ? offsets : undefined
}

function isFoldedBreak(c: string, afterText = true): boolean {
  return c === '\n' || (afterText && c === ' ')
}

function splitLines(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const lines: Array<{ start: number; end: number }> = []
  let lineStart = start
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0 || lineEnd > end) lineEnd = end
    lines.push({ start: lineStart, end: text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd })
    lineStart = lineEnd + 1
  }
  return lines
}

function leadingSpaces(text: string, start: number, end: number): number {
  let n = 0
  while (start + n < end && text[start + n] === ' ') n++
  return n
}

function skipBlanks(text: string, i: number, end: number): number {
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++
  return i
}

function isLineBreak(c: string): boolean {
  return c === '\n' || c === '\r'
}

function emit(out: Decoding, chars: string, offset: number): void {
  out.text += chars
  for (let k = 0; k < chars.length; k++) out.offsets.push(offset)
}

/** Runs of consecutive source columns on one line, one span each. */
function listSpans(source: YamlSource, offsets: readonly number[]): TextSpan[] {
  const spans: TextSpan[] = []
  let last: { line: number; col: number } | undefined
  offsets.forEach((offset, i) => {
    const pos = source.lines.linePos(offset)
    if (last === undefined || pos.line !== last.line || pos.col !== last.col + 1) spans.push({ offset: i, line: pos.line, col: pos.col })
    last = pos
  })
  return spans
}
