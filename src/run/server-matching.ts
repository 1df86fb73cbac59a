/**
 * A `server:` check rendered into what a far-side wait needs: which server, a fresh predicate over its events,
 * and how the check and the events read in a report. Free of I/O so the matching rules are tested on their own.
 */
import { isUtf8 } from 'node:buffer'
import type { ServerBytes, ServerCheck } from '../model/sequence.js'
import type { ServerEvent, ServerName } from '../model/server-link.js'
import { doesLineMatch, describeMatcher } from './line-matching.js'
import { renderMatcher, renderText, StepProblem } from './render-step.js'
import type { RunContext } from './run-context.js'

/** A check after templating. `createMatch` gives a new predicate per wait, since a byte check keeps state. */
export interface RenderedServerCheck {
  server: ServerName
  description: string
  createMatch(): (event: ServerEvent) => boolean
}

/** Renders one check; a template that renders to bad hex is the step's fault (StepProblem). */
export function renderServerCheck(check: ServerCheck, ctx: RunContext): RenderedServerCheck {
  const render = (template: Parameters<typeof renderText>[0] | undefined): string | undefined =>
    template === undefined ? undefined : renderText(template, ctx)
  switch (check.kind) {
    case 'bytes': {
      const wanted = renderServerBytes(check.received, ctx)
      const description = `${check.server} received ${showBytes(wanted)}`
      if (check.server === 'udp') return { server: check.server, description, createMatch: () => event => event.body.includes(wanted) }
      return { server: check.server, description, createMatch: () => matchConnectionBytes(wanted) }
    }
    case 'request': {
      const method = render(check.method)?.toUpperCase()
      const path = check.path === undefined ? undefined : renderMatcher(check.path, ctx)
      const headers = Object.entries(check.headers).map(([name, value]) => [name.toLowerCase(), renderText(value, ctx)] as const)
      const body = render(check.body)
      const parts = [method ?? '*', path === undefined ? '*' : describeMatcher(path), ...headers.map(([n, v]) => `${n}: ${v}`)]
      return {
        server: 'http',
        description: `http received ${parts.join(' ')}${body === undefined ? '' : ` body ${showBytes(Buffer.from(body))}`}`,
        createMatch: () => event =>
          event.kind === 'request' &&
          (method === undefined || event.method?.toUpperCase() === method) &&
          (path === undefined || (event.path !== undefined && doesLineMatch(path, event.path))) &&
          headers.every(([name, value]) => event.headers?.[name] === value) &&
          (body === undefined || event.body.toString('utf8') === body),
      }
    }
    case 'file': {
      const file = renderText(check.file, ctx)
      const content = render(check.content)
      return {
        server: 'ftp',
        description: `ftp received ${file}${content === undefined ? '' : ` with ${showBytes(Buffer.from(content))}`}`,
        createMatch: () => event =>
          event.kind === 'file' && event.path === file && (content === undefined || event.body.toString('utf8') === content),
      }
    }
    case 'message': {
      const to = render(check.to)
      const text = render(check.text)
      return {
        server: 'sms',
        description: `sms received${to === undefined ? '' : ` to ${to}`}${text === undefined ? '' : ` ${showBytes(Buffer.from(text))}`}`,
        createMatch: () => event =>
          event.kind === 'message' &&
          (to === undefined || event.path === to) &&
          (text === undefined || event.body.toString('utf8') === text),
      }
    }
  }
}

/**
 * True once one connection's bytes so far (each event is seen once, oldest first) contain `wanted`, so a text the
 * modem sent in several TCP segments still matches.
 */
function matchConnectionBytes(wanted: Buffer): (event: ServerEvent) => boolean {
  const sofar = new Map<number, Buffer>()
  return event => {
    if (event.kind !== 'bytes') return false
    const connection = event.connection ?? 0
    const bytes = Buffer.concat([sofar.get(connection) ?? Buffer.alloc(0), event.body])
    sofar.set(connection, bytes)
    return bytes.includes(wanted)
  }
}

/** The bytes a `{ received }` or `{ send }` stands for: UTF-8 text, or hex pairs (spaces allowed). */
export function renderServerBytes(bytes: ServerBytes, ctx: RunContext): Buffer {
  const text = renderText(bytes.text, ctx)
  if (bytes.encoding === 'text') return Buffer.from(text, 'utf8')
  const digits = text.replace(/\s+/g, '')
  if (!/^([0-9a-fA-F]{2})+$/.test(digits)) {
    const at = bytes.text.at
    throw new StepProblem(`${at.file}:${at.line}:${at.col}: hex bytes render to '${text}', not pairs of hex digits [bad-hex]`)
  }
  return Buffer.from(digits, 'hex')
}

/** One event as a report line: `tcp #1: "hello\r\n"`, `http: POST /post "a=1"`, `ftp: /upload/a.txt "..."`. */
export function summarizeServerEvent(event: ServerEvent): string {
  switch (event.kind) {
    case 'bytes':
      return `${event.server}${event.server === 'udp' ? '' : ` #${event.connection ?? 0}`}: ${showBytes(event.body)}`
    case 'request':
      return `${event.server}: ${event.method ?? '?'} ${event.path ?? '?'}${event.body.length === 0 ? '' : ` ${showBytes(event.body)}`}`
    case 'file':
      return `${event.server}: stored ${event.path ?? '?'} ${showBytes(event.body)}`
    case 'message':
      return `${event.server}: to ${event.path ?? '?'} ${showBytes(event.body)}`
  }
}

const SHOWN_BYTES = 200

/**
 * Bytes as a quoted text with CR, LF, tab and other control bytes escaped, cut after 200 bytes (or at the start of a
 * character the cut would split). Bytes that are not UTF-8 text (binary protocol data) show as `\xNN` each, so
 * nothing received hides behind U+FFFD.
 */
export function showBytes(bytes: Buffer): string {
  const shown = bytes.subarray(0, cutAtCharacter(bytes, SHOWN_BYTES))
  const text = isUtf8(shown)
    ? shown.toString('utf8').replace(TEXT_ESCAPED, escapeChar)
    : shown.toString('latin1').replace(BINARY_ESCAPED, escapeChar)
  return `"${text}"${bytes.length > SHOWN_BYTES ? ` (${bytes.length} bytes)` : ''}`
}

/**
 * `limit`, or the start of the UTF-8 character that byte `limit` continues (up to 3 bytes back), so that the cut does
 * not split a character. Continuation bytes are 10xxxxxx and lead bytes 11xxxxxx.
 */
function cutAtCharacter(bytes: Buffer, limit: number): number {
  if (bytes.length <= limit || !isContinuation(bytes[limit])) return Math.min(limit, bytes.length)
  for (let at = limit - 1; at >= limit - 3; at--) {
    const byte = bytes[at] ?? 0
    if (byte >= 0xc0) return at
    if (!isContinuation(byte)) break
  }
  return limit
}

const isContinuation = (byte: number | undefined): boolean => byte !== undefined && (byte & 0xc0) === 0x80

const TEXT_ESCAPED = /[\u0000-\u001f\u007f"\\]/g
// Read as latin1 each byte is one character, so the bytes 0x80-0xff are the characters U+0080-U+00FF.
const BINARY_ESCAPED = /[\u0000-\u001f\u007f-\u00ff"\\]/g
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\r': '\\r', '\n': '\\n', '\t': '\\t', '"': '\\"', '\\': '\\\\' }

/** A named escape, or `\xNN` for a character below U+0100 (a byte value). */
function escapeChar(char: string): string {
  return NAMED_ESCAPES[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`
}
