/**
 * The routes the HTTP server answers without any `serve:` step, in the manner of httpbin: echoes of the request,
 * chosen status codes, redirects, deterministic bodies of a chosen size, chunked bodies and slow answers.
 * Pure: a request in, an answer out, so every route is tested without a socket.
 */

/** A request as the server received it (headers lower-cased, `path` with its query). */
export interface HttpRequestSeen {
  method: string
  path: string
  headers: Record<string, string>
  body: Buffer
  /** Whether it came over TLS. */
  secure: boolean
}

/** What the server sends back. */
export interface HttpAnswer {
  status: number
  headers: Record<string, string>
  body: Buffer
  delayMs?: number
  /** Send the body chunked, this many bytes a chunk. */
  chunkBytes?: number
}

/** The largest body `/bytes/<n>` and `/chunked/<n>` make (4 MiB). */
export const MAX_GENERATED_BYTES = 4 * 1024 * 1024
/** The longest `/delay/<ms>` waits (60 s). */
export const MAX_DELAY_MS = 60_000
/** The chunk size of `/chunked/<n>` unless `?chunk=<bytes>` says otherwise. */
export const DEFAULT_CHUNK_BYTES = 256

type Route = (request: HttpRequestSeen, rest: string, query: URLSearchParams) => HttpAnswer | undefined

const ECHO_METHODS: Readonly<Record<string, string>> = { '/post': 'POST', '/put': 'PUT', '/delete': 'DELETE', '/patch': 'PATCH' }

const PREFIX_ROUTES: ReadonlyArray<readonly [string, Route]> = [
  ['/status/', (_request, rest) => answerStatus(rest)],
  ['/redirect/', (_request, rest) => answerRedirectChain(rest)],
  ['/bytes/', (_request, rest) => answerBytes(rest, undefined)],
  ['/chunked/', (_request, rest, query) => answerBytes(rest, readChunkBytes(query))],
  ['/delay/', (request, rest) => answerDelay(request, rest)],
]

/**
 * The built-in answer to `request`, or undefined when no built-in route has its path:
 * - `/get`, `/anything`, `/post`, `/put`, `/delete`, `/patch`: the request as JSON (`method`, `path`, `args`,
 *   `headers`, `data`, `length`); the method-named ones answer 405 to another method;
 * - `/headers`: `{ headers }`; `/echo`: the request body back as it came, with its content type;
 * - `/status/<code>`: that status with an empty body; `/redirect/<n>`: 302 to `/redirect/<n-1>`, the last to `/get`;
 *   `/redirect-to?url=<u>[&status_code=<c>]`: `c` (default 302) to `u`;
 * - `/bytes/<n>`: n bytes, byte i being i mod 256; `/chunked/<n>[?chunk=<k>]`: the same bytes sent chunked;
 * - `/delay/<ms>`: the `/get` echo after that many milliseconds.
 */
export function answerBuiltin(request: HttpRequestSeen): HttpAnswer | undefined {
  const url = new URL(request.path, 'http://server')
  const path = url.pathname
  if (path === '/get' || path === '/anything') return answerJson(200, describeRequest(request))
  if (path === '/headers') return answerJson(200, { headers: request.headers })
  if (path === '/echo') return answerEcho(request)
  if (path === '/redirect-to') return answerRedirectTo(url.searchParams)
  const method = ECHO_METHODS[path]
  if (method !== undefined) {
    return request.method === method ? answerJson(200, describeRequest(request)) : answerText(405, 'method not allowed\n')
  }
  for (const [prefix, route] of PREFIX_ROUTES) {
    if (path.startsWith(prefix)) return route(request, path.slice(prefix.length), url.searchParams)
  }
  return undefined
}

/** The bytes of `/bytes/<n>`: byte i is i mod 256, so any slice of a body can be checked on its own. */
export function generateBytes(byteCount: number, fromOffset = 0): Buffer {
  const bytes = Buffer.alloc(byteCount)
  for (let i = 0; i < byteCount; i++) bytes[i] = (fromOffset + i) & 0xff
  return bytes
}

function describeRequest(request: HttpRequestSeen): Record<string, unknown> {
  const url = new URL(request.path, 'http://server')
  return {
    method: request.method,
    path: request.path,
    args: Object.fromEntries(url.searchParams),
    headers: request.headers,
    data: request.body.toString('utf8'),
    length: request.body.length,
    secure: request.secure,
  }
}

function answerJson(status: number, value: unknown): HttpAnswer {
  return { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(value) + '\n') }
}

function answerText(status: number, text: string): HttpAnswer {
  return { status, headers: { 'content-type': 'text/plain' }, body: Buffer.from(text) }
}

function answerEcho(request: HttpRequestSeen): HttpAnswer {
  const type = request.headers['content-type'] ?? 'application/octet-stream'
  return { status: 200, headers: { 'content-type': type }, body: request.body }
}

function answerStatus(rest: string): HttpAnswer | undefined {
  const status = readCount(rest, 100, 599)
  return status === undefined ? answerText(400, 'write /status/<100-599>\n') : { status, headers: {}, body: Buffer.alloc(0) }
}

function answerRedirectChain(rest: string): HttpAnswer {
  const hops = readCount(rest, 1, 100)
  if (hops === undefined) return answerText(400, 'write /redirect/<1-100>\n')
  return { status: 302, headers: { location: hops === 1 ? '/get' : `/redirect/${hops - 1}` }, body: Buffer.alloc(0) }
}

function answerRedirectTo(query: URLSearchParams): HttpAnswer {
  const target = query.get('url')
  const status = readCount(query.get('status_code') ?? '302', 300, 399)
  if (target === null || status === undefined) return answerText(400, 'write /redirect-to?url=<url>[&status_code=<3xx>]\n')
  return { status, headers: { location: target }, body: Buffer.alloc(0) }
}

function answerBytes(rest: string, chunkBytes: number | undefined): HttpAnswer {
  const byteCount = readCount(rest, 0, MAX_GENERATED_BYTES)
  if (byteCount === undefined) return answerText(400, `write a byte count of 0-${MAX_GENERATED_BYTES}\n`)
  const answer: HttpAnswer = { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: generateBytes(byteCount) }
  return chunkBytes === undefined ? answer : { ...answer, chunkBytes }
}

function answerDelay(request: HttpRequestSeen, rest: string): HttpAnswer {
  const delayMs = readCount(rest, 0, MAX_DELAY_MS)
  if (delayMs === undefined) return answerText(400, `write /delay/<0-${MAX_DELAY_MS}> (milliseconds)\n`)
  return { ...answerJson(200, describeRequest(request)), delayMs }
}

function readChunkBytes(query: URLSearchParams): number {
  return readCount(query.get('chunk') ?? '', 1, MAX_GENERATED_BYTES) ?? DEFAULT_CHUNK_BYTES
}

function readCount(text: string, min: number, max: number): number | undefined {
  if (!/^\d{1,9}$/.test(text)) return undefined
  const value = Number(text)
  return value >= min && value <= max ? value : undefined
}
