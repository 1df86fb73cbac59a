/**
 * A `server:` check rendered into what a far-side wait needs: which server, a fresh predicate over its events,
 * and how the check and the events read in a report. Free of I/O so the matching rules are tested on their own.
 */
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

/** Bytes as a quoted text with CR, LF, tab and other control bytes escaped, cut after 200 bytes. */
export function showBytes(bytes: Buffer): string {
  const shown = bytes.subarray(0, SHOWN_BYTES).toString('utf8')
  const escaped = shown.replace(/[\u0000-\u001f\u007f"\\]/g, char => {
    const named: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t', '"': '\\"', '\\': '\\\\' }
    return named[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`
  })
  return `"${escaped}"${bytes.length > SHOWN_BYTES ? ` (${bytes.length} bytes)` : ''}`
}
