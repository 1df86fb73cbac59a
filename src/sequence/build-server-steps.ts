/**
 * Builds the far-side parts of a step: the `serve:` action (a server sends, closes, serves a route, the network
 * drops) and the `server:` checks (what a server received). The shapes are already schema-valid here; what is left
 * is templates with their locations, hex text and `/regex/` paths.
 */
import { errorAt, type Diagnostic } from '../model/diagnostic.js'
import type { ServeAction, ServeRoute, ServerBytes, ServerCheck, ServerPath, SourceLocation, Step, Template } from '../model/sequence.js'
import { parseDuration } from './duration.js'
import { parseLineText } from './line-matcher.js'
import { describeStepContext, isRecord, readIn } from './step-context.js'
import { hasExpressions } from './template.js'
import type { PathSegment } from './yaml-source.js'

/** What the step builder lends: templates and locations from the source, its diagnostics and its regex check. */
export interface ServerStepBuilder {
  root: unknown
  diagnostics: Diagnostic[]
  template(path: PathSegment[]): Template
  locate(path: PathSegment[]): SourceLocation
  checkRegex(path: PathSegment[], pattern: Template, flags: string): void
}

type Data = Record<string, unknown>

/** The action of a `serve:` step at `path` (one server key, as the schema ensures). */
export function buildServeAction(b: ServerStepBuilder, path: PathSegment[]): ServeAction {
  const data = readIn(b.root, path) as Data
  const [server, value] = Object.entries(data)[0] as [string, unknown]
  const at = [...path, server]
  switch (server) {
    case 'tcp':
    case 'tls':
      if (isRecord(value) && value['close'] === true) return { server, kind: 'close' }
      return { server, kind: 'send', bytes: buildBytes(b, [...at, 'send']) }
    case 'udp':
      return { server, kind: 'send', bytes: buildBytes(b, [...at, 'send']) }
    case 'http':
      return { server, kind: 'route', route: buildRoute(b, at, value as Data) }
    case 'ftp':
      return { server, kind: 'file', path: b.template([...at, 'file']), content: b.template([...at, 'content']) }
    case 'sms':
      return { server, kind: 'deliver', from: b.template([...at, 'from']), text: b.template([...at, 'text']) }
    default:
      return buildNetworkAction(value)
  }
}

/** The checks of a `server:` key at `path`, one per server named, in the order written. */
export function buildServerChecks(b: ServerStepBuilder, path: PathSegment[]): ServerCheck[] {
  const data = readIn(b.root, path) as Data
  return Object.entries(data).map(([server, value]): ServerCheck => {
    const at = [...path, server]
    const where = b.locate(at)
    const given = value as Data
    const optional = (key: string): Template | undefined => (given[key] === undefined ? undefined : b.template([...at, key]))
    switch (server) {
      case 'http':
        return {
          server,
          kind: 'request',
          ...defined({ method: optional('method'), path: given['path'] === undefined ? undefined : buildPath(b, [...at, 'path']) }),
          headers: buildHeaders(b, [...at, 'headers']),
          ...defined({ body: optional('body') }),
          at: where,
        }
      case 'ftp':
        return { server, kind: 'file', file: b.template([...at, 'file']), ...defined({ content: optional('content') }), at: where }
      case 'sms':
        return { server, kind: 'message', ...defined({ to: optional('to'), text: optional('text') }), at: where }
      default:
        return { server: server as 'tcp' | 'udp' | 'tls', kind: 'bytes', received: buildBytes(b, [...at, 'received']), at: where }
    }
  })
}

function buildNetworkAction(value: unknown): ServeAction {
  if (value === 'drop' || value === 'restore') return { server: 'network', kind: value }
  return { server: 'network', kind: 'signal', rssi: Number((value as Data)['signal']) }
}

function buildRoute(b: ServerStepBuilder, path: PathSegment[], data: Data): ServeRoute {
  const optional = (key: string): Template | undefined => (data[key] === undefined ? undefined : b.template([...path, key]))
  return {
    path: b.template([...path, 'path']),
    status: data['status'] === undefined ? 200 : Number(data['status']),
    headers: buildHeaders(b, [...path, 'headers']),
    ...defined({
      method: optional('method'),
      body: optional('body'),
      redirect: optional('redirect'),
      delayMs: typeof data['delay'] === 'string' ? parseDuration(data['delay']) : undefined,
      chunkBytes: data['chunked'] === undefined ? undefined : Number(data['chunked']),
    }),
  }
}

/** Text, or `{ hex }` checked for whole bytes when it has no expressions (those are checked once rendered). */
function buildBytes(b: ServerStepBuilder, path: PathSegment[]): ServerBytes {
  const value = readIn(b.root, path)
  if (!isRecord(value)) return { encoding: 'text', text: b.template(path) }
  const text = b.template([...path, 'hex'])
  if (!hasExpressions(text.text) && !/^(\s*[0-9a-fA-F]{2})+\s*$/.test(text.text)) {
    b.diagnostics.push(
      errorAt(
        text.at,
        'bad-hex',
        `${describeStepContext(path, b.root)}hex bytes must be pairs of hex digits, e.g. 0d 0a`,
        'write each byte as two hex digits; spaces between bytes are allowed',
      ),
    )
  }
  return { encoding: 'hex', text }
}

function buildPath(b: ServerStepBuilder, path: PathSegment[]): ServerPath {
  const matcher = parseLineText(b.template(path))
  if (matcher.kind === 'regex') b.checkRegex(path, matcher.pattern, matcher.flags)
  return matcher
}

function buildHeaders(b: ServerStepBuilder, path: PathSegment[]): Record<string, Template> {
  const value = readIn(b.root, path)
  if (!isRecord(value)) return {}
  return Object.fromEntries(Object.keys(value).map(name => [name, b.template([...path, name])]))
}

/** Drops the keys whose value is undefined, for exact optional properties. */
function defined<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>
  }
}

/** Every template of a step's `serve:` action and `server:` checks (for lint's undefined-variable rule). */
export function listServerTemplates(step: Step): Template[] {
  const action = step.action.kind === 'serve' ? listServeTemplates(step.action.serve) : []
  return [...action, ...(step.server ?? []).flatMap(listCheckTemplates)]
}

function listServeTemplates(action: ServeAction): Template[] {
  switch (action.kind) {
    case 'send':
      return [action.bytes.text]
    case 'route': {
      const { route } = action
      return [route.path, ...Object.values(route.headers), ...present([route.method, route.body, route.redirect])]
    }
    case 'file':
      return [action.path, action.content]
    case 'deliver':
      return [action.from, action.text]
    default:
      return []
  }
}

function listCheckTemplates(check: ServerCheck): Template[] {
  switch (check.kind) {
    case 'bytes':
      return [check.received.text]
    case 'request': {
      const path = check.path === undefined ? undefined : check.path.kind === 'exact' ? check.path.text : check.path.pattern
      return [...Object.values(check.headers), ...present([check.method, path, check.body])]
    }
    case 'file':
      return [check.file, ...present([check.content])]
    case 'message':
      return present([check.to, check.text])
  }
}

function present(templates: Array<Template | undefined>): Template[] {
  return templates.filter((template): template is Template => template !== undefined)
}
