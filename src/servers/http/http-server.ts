/**
 * An HTTP and HTTPS server on loopback for the simulated modem's HTTP client: it records every request as a
 * far-side `request` event, answers the routes steps add (`serve: http:`) and, failing those, the built-in
 * httpbin-style routes. HTTPS uses the embedded broker's test CA, so one `broker_ca` verifies both.
 */
import { once } from 'node:events'
import { createServer as createPlainServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { FarSideServer, HttpRoute, ServerAction, ServerEvent, ServerName } from '../../model/server-link.js'
import { DEFAULT_BROKER_HOSTNAMES, getSharedTestCertificates, type TestCertificates } from '../broker/test-certificates.js'
import { answerBuiltin, type HttpAnswer, type HttpRequestSeen } from './builtin-routes.js'

export interface StartHttpServerOptions {
  /** Address both listeners bind to; default `127.0.0.1` (loopback only). */
  host?: string
  /** Certificates of the TLS listener; default the embedded broker's (localhost, 127.0.0.1, ::1). */
  certificates?: TestCertificates
}

/** A running HTTP(S) server: a far-side server named `http`. */
export interface HttpServer extends FarSideServer {
  host: string
  /** The plain HTTP listener's port. */
  port: number
  /** The HTTPS listener's port. */
  tlsPort: number
  /** The CA (PEM) that signed the HTTPS certificate. */
  ca: string
  /** Closes both listeners and every connection. Idempotent. */
  close(): Promise<void>
}

/** The largest request body kept (16 MiB); a longer request is answered 413. */
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024

/** Starts both listeners on ephemeral ports. */
export async function startHttpServer(options: StartHttpServerOptions = {}): Promise<HttpServer> {
  const host = options.host ?? '127.0.0.1'
  const certificates = options.certificates ?? (await getSharedTestCertificates({ hostnames: [...DEFAULT_BROKER_HOSTNAMES] }))
  const server = new RecordingHttpServer(host, certificates)
  try {
    await server.listen()
  } catch (error) {
    await server.close()
    throw new Error(`could not start the HTTP server on ${host}`, { cause: error })
  }
  return server
}

class RecordingHttpServer implements HttpServer {
  readonly names: readonly ServerName[] = ['http']
  port = 0
  tlsPort = 0
  readonly ca: string
  private readonly received: ServerEvent[] = []
  private readonly listeners = new Set<(event: ServerEvent) => void>()
  private readonly routes: HttpRoute[] = []
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly plain: Server
  private readonly tls: Server
  private closing: Promise<void> | undefined

  constructor(
    readonly host: string,
    certificates: TestCertificates,
  ) {
    this.ca = certificates.ca
    this.plain = createPlainServer((request, response) => this.handle(request, response, false))
    this.tls = createTlsServer({ cert: certificates.serverCert, key: certificates.serverKey }, (request, response) =>
      this.handle(request, response, true),
    )
  }

  async listen(): Promise<void> {
    this.port = await listenOn(this.plain, this.host)
    this.tlsPort = await listenOn(this.tls, this.host)
  }

  events(): readonly ServerEvent[] {
    return [...this.received]
  }

  onEvent(listener: (event: ServerEvent) => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  act(action: ServerAction): Promise<void> {
    if (action.server !== 'http' || action.kind !== 'route') {
      return Promise.reject(new Error(`the HTTP server cannot do "${action.kind}" for ${action.server}`))
    }
    this.routes.unshift(action.route)
    return Promise.resolve()
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown()
    return this.closing
  }

  private async shutDown(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    await Promise.all([this.plain, this.tls].map(closeServer))
  }

  private handle(request: IncomingMessage, response: ServerResponse, secure: boolean): void {
    response.on('error', () => undefined)
    void readBody(request).then(body => {
      if (body === undefined) return this.send(response, { status: 413, headers: {}, body: Buffer.alloc(0) })
      const seen: HttpRequestSeen = {
        method: request.method ?? 'GET',
        path: request.url ?? '/',
        headers: lowerCaseHeaders(request),
        body,
        secure,
      }
      this.record(seen)
      this.send(response, this.answer(seen))
    })
  }

  private answer(request: HttpRequestSeen): HttpAnswer {
    const route = this.routes.find(candidate => isRouteFor(candidate, request))
    if (route !== undefined) return answerRoute(route)
    return answerBuiltin(request) ?? { status: 404, headers: { 'content-type': 'text/plain' }, body: Buffer.from('not found\n') }
  }

  private send(response: ServerResponse, answer: HttpAnswer): void {
    if (!answer.delayMs) return writeAnswer(response, answer)
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      writeAnswer(response, answer)
    }, answer.delayMs)
    this.timers.add(timer)
  }

  private record(request: HttpRequestSeen): void {
    const event: ServerEvent = {
      server: 'http',
      kind: 'request',
      method: request.method,
      path: request.path,
      headers: request.headers,
      body: request.body,
      atMs: Date.now(),
    }
    this.received.push(event)
    for (const listener of [...this.listeners]) listener(event)
  }
}

async function listenOn(server: Server, host: string): Promise<number> {
  server.listen(0, host)
  await once(server, 'listening')
  return (server.address() as AddressInfo).port
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve()
  const closed = new Promise<void>(resolve => server.close(() => resolve()))
  server.closeAllConnections()
  return closed
}

/** The whole body, or undefined when it is longer than MAX_REQUEST_BYTES. */
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise(resolve => {
    const chunks: Buffer[] = []
    let byteCount = 0
    request.on('data', (chunk: Buffer) => {
      byteCount += chunk.length
      if (byteCount <= MAX_REQUEST_BYTES) chunks.push(chunk)
    })
    request.on('end', () => resolve(byteCount <= MAX_REQUEST_BYTES ? Buffer.concat(chunks) : undefined))
    request.on('error', () => resolve(undefined))
  })
}

function lowerCaseHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

/** A route matches its method (any when unset) and its path: the whole path when it has a query, else the path alone. */
function isRouteFor(route: HttpRoute, request: HttpRequestSeen): boolean {
  if (route.method !== undefined && route.method.toUpperCase() !== request.method.toUpperCase()) return false
  const path = route.path.includes('?') ? request.path : request.path.split('?')[0]
  return path === route.path
}

function answerRoute(route: HttpRoute): HttpAnswer {
  const headers = Object.fromEntries(Object.entries(route.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]))
  const answer: HttpAnswer = {
    status: route.status,
    headers: route.redirect === undefined ? headers : { ...headers, location: route.redirect },
    body: route.redirect === undefined ? (route.body ?? Buffer.alloc(0)) : Buffer.alloc(0),
  }
  return {
    ...answer,
    ...(route.delayMs === undefined ? {} : { delayMs: route.delayMs }),
    ...(route.chunkBytes === undefined ? {} : { chunkBytes: route.chunkBytes }),
  }
}

/** Writes the answer; a chunked one as one write per chunk, so the client sees Transfer-Encoding: chunked. */
function writeAnswer(response: ServerResponse, answer: HttpAnswer): void {
  if (response.destroyed) return
  const { chunkBytes, body } = answer
  if (chunkBytes === undefined || chunkBytes <= 0) {
    response.writeHead(answer.status, describeHeaderNames({ ...answer.headers, 'content-length': String(body.length) }))
    response.end(body)
    return
  }
  response.writeHead(answer.status, describeHeaderNames({ ...answer.headers, 'transfer-encoding': 'chunked' }))
  for (let at = 0; at < body.length; at += chunkBytes) response.write(body.subarray(at, at + chunkBytes))
  response.end()
}

/** Header names as common servers write them (`Content-Length`), which is what a module's AT+HTTPHEAD shows. */
function describeHeaderNames(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase()),
      value,
    ]),
  )
}
