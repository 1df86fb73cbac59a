import type { LineMatcher, Template } from '../model/sequence.js'
import { isFinalResult } from '../modem/final-result.js'
import { sliceTemplate } from './locate-in-template.js'

const REGEX_LITERAL = /^\/(.+)\/([dgimsuy]*)$/s

type PresentMatcher = Exclude<LineMatcher, { kind: 'absent' }>

/** Reads a written line: `/pattern/flags` is a regex, anything else an exact line. */
export function parseLineText(text: Template): PresentMatcher {
  const match = REGEX_LITERAL.exec(text.text)
  if (match === null) return { kind: 'exact', text }
  return { kind: 'regex', pattern: sliceTemplate(text, 1, 1 + match[1]!.length), flags: match[2]! }
}

/** True when the written text is a `/regex/flags` literal. */
export function isRegexLiteral(text: string): boolean {
  return REGEX_LITERAL.test(text)
}

/**
 * True when a matcher can only match a final result code (OK, ERROR, +CME ERROR: ..., >, CONNECT, NO CARRIER...,
 * or one of `familyFinals`, the modem family's own such as `SEND OK`).
 */
export function isFinalResultMatcher(matcher: LineMatcher, familyFinals: readonly string[] = []): boolean {
  if (matcher.kind === 'absent') return false
  if (matcher.kind === 'exact') return isFinalResultLine(matcher.text.text, familyFinals)
  return splitTopLevelAlternatives(stripAnchors(matcher.pattern.text)).every(alt =>
    isFinalResultLine(unescapeRegexStart(stripAnchors(alt)), familyFinals),
  )
}

/**
 * True when a response line is a final result code as V.250 and 3GPP TS 27.007 define them (plus the `>` data prompt
 * and any of `familyFinals`).
 */
export function isFinalResultLine(line: string, familyFinals: readonly string[] = []): boolean {
  const text = line.trimEnd()
  return text === '>' || isFinalResult(text) || familyFinals.includes(text)
}

function stripAnchors(source: string): string {
  let s = source.startsWith('^') ? source.slice(1) : source
  if (s.endsWith('$') && !s.endsWith('\\$')) s = s.slice(0, -1)
  if ((s.startsWith('(?:') || s.startsWith('(')) && closingParenOf(s) === s.length - 1) s = s.slice(s.startsWith('(?:') ? 3 : 1, -1)
  return s
}

function closingParenOf(source: string): number {
  let depth = 0
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') {
      i++
      continue
    }
    if (source[i] === '(') depth++
    if (source[i] === ')' && --depth === 0) return i
  }
  return -1
}

function splitTopLevelAlternatives(source: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') {
      i++
      continue
    }
    if (c === '(' || c === '[') depth++
    else if (c === ')' || c === ']') depth--
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i))
      start = i + 1
    }
  }
  parts.push(source.slice(start))
  return parts
}

/** Turns the literal start of a regex back into text (`\+CME ERROR: \d+` reads as `+CME ERROR: ...`). */
function unescapeRegexStart(source: string): string {
  let out = ''
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!
    if (c === '\\' && /[+.*?()[\]{}|^$\\/ >-]/.test(source[i + 1] ?? '')) {
      out += source[i + 1]
      i++
      continue
    }
    if (/[\\.*?()[\]{}|^$+]/.test(c)) return `${out}\u0000`
    out += c
  }
  return out
}
