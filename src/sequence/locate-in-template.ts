import type { SourceLocation, Template, TextSpan } from '../model/sequence.js'

/** The line breaks Handlebars counts lines by. */
const LINE_BREAK = /\r\n?|\n/g

/**
 * Where the character at UTF-16 offset `offset` of a template's text is written; an offset past the end reads as its
 * last character. Without spans, offset n is n columns right of `at`, and on the text's later lines 1 + its column.
 */
export function locateInTemplate(t: Template, offset: number): SourceLocation {
  const at = Math.max(0, Math.min(offset, t.text.length - 1))
  if (t.spans === undefined) return locateUnmapped(t, at)
  const span = findSpan(t.spans, at)
  return span === undefined ? t.at : { ...t.at, line: span.line, col: span.col + at - span.offset }
}

/** The UTF-16 offset of a 1-based line and 0-based column of a template's text, as Handlebars reports places. */
export function offsetInText(text: string, line: number, column: number): number {
  let lineStart = 0
  for (const found of text.matchAll(LINE_BREAK)) {
    if (line <= 1) break
    lineStart = found.index + found[0].length
    line--
  }
  return lineStart + column
}

/** The part of a template from `start` to `end`, still located where it is written. */
export function sliceTemplate(t: Template, start: number, end?: number): Template {
  const text = t.text.slice(start, end)
  const at = locateInTemplate(t, start)
  if (t.spans === undefined || t.spans.length === 0) return { text, at, ...(t.spans === undefined ? {} : { spans: [] }) }
  const stop = start + text.length
  const spans = t.spans
    .filter((span, i) => span.offset < stop && (t.spans![i + 1]?.offset ?? Infinity) > start)
    .map(span => (span.offset <= start ? { offset: 0, line: at.line, col: at.col } : { ...span, offset: span.offset - start }))
  return spans.length <= 1 ? { text, at } : { text, at, spans }
}

function locateUnmapped(t: Template, offset: number): SourceLocation {
  let line = 1
  let lineStart = 0
  for (const found of t.text.matchAll(LINE_BREAK)) {
    if (found.index >= offset) break
    line++
    lineStart = found.index + found[0].length
  }
  return line === 1 ? { ...t.at, col: t.at.col + offset } : { ...t.at, line: t.at.line + line - 1, col: offset - lineStart + 1 }
}

function findSpan(spans: readonly TextSpan[], offset: number): TextSpan | undefined {
  let found: TextSpan | undefined
  for (const span of spans) {
    if (span.offset > offset) break
    found = span
  }
  return found
}
