/**
 * One request of the module's HTTP(S) session (AT+HTTPACTION, AT+HTTPPOSTFILE), sent for real to where the URL's
 * host is mapped; its answer becomes the session's response, readable with AT+HTTPHEAD / AT+HTTPREAD.
 * Redirects are not followed: a 3xx is the result, its `Location` readable with AT+HTTPHEAD.
 */
import { HTTP_ERR, HTTP_METHODS } from '../../../modem/families/simcom/http-codes.js'
import { MQTT_ERR } from '../../../modem/families/simcom/mqtt-codes.js'
import type { CommandContext } from '../../command-context.js'
import { buildTlsSettings, type TlsSettings } from '../../sockets/tls-settings.js'
import { startHttpExchange, type HttpExchangeResult } from './http-exchange.js'
import type { HttpSession } from './http-state.js'
import { readHttpTarget, type HttpTarget } from './http-url.js'

/** The most body bytes the module keeps for AT+HTTPREAD (1 MiB); a longer body ends the request with 707. */
export const MAX_RESPONSE_BYTES = 1024 * 1024

/** The `<method>` numbers of AT+HTTPACTION and AT+HTTPPOSTFILE. */
export const METHOD = { get: 0, post: 1, head: 2, delete: 3, put: 4 } as const

/** What to send and how its result line reads. */
export interface ModuleRequest {
  method: number
  body?: Buffer
  /** Header lines that replace the module's own of the same name (AT+HTTPPOSTFILE with `<send_header>` 1). */
  headers?: Record<string, string>
  /** Prints the result: the server's status and body length, or a 7xx `<errcode>` and 0. */
  report(status: number, length: number): void
}

/**
 * Sends the request on the session's URL; false (the command is `ERROR`) while another is in flight or without a
 * usable URL. A request that cannot start (no network, an unmapped host, no TLS context) reports its `<errcode>`.
 */
export function sendModuleRequest(ctx: CommandContext, session: HttpSession, request: ModuleRequest): boolean {
  const target = readHttpTarget(session.params.url ?? '')
  if (session.pending !== undefined || target === undefined) return false
  session.response = undefined
  if (!ctx.state.networkUp) {
    request.report(HTTP_ERR.noNetwork, 0)
    return true
  }
  const resolved = ctx.resolve(target.host, target.port)
  if (!resolved.ok) {
    ctx.note(resolved.note)
    request.report(HTTP_ERR.dnsFailed, 0)
    return true
  }
  const tls = target.secure ? buildTls(ctx, session, target) : undefined
  if (tls !== undefined && !tls.ok) {
    ctx.note(`${HTTP_METHODS[request.method] ?? 'request'} ${target.path}: ${tls.note}`)
    request.report(tls.code === MQTT_ERR.certNotSet ? HTTP_ERR.caMissed : HTTP_ERR.handshakeFailed, 0)
    return true
  }
  startRequest(ctx, session, request, { target, to: { host: resolved.host, port: resolved.port }, tls: tls?.settings })
  return true
}

function buildTls(ctx: CommandContext, session: HttpSession, target: HttpTarget): ReturnType<typeof buildTlsSettings> {
  const context = ctx.state.ssl[session.params.sslContext]
  if (context === undefined) return { ok: false, code: MQTT_ERR.handshakeFailed, note: `no SSL context ${session.params.sslContext}` }
  return buildTlsSettings(context, ctx.files, target.host)
}

interface Route {
  target: HttpTarget
  to: { host: string; port: number }
  tls: TlsSettings | undefined
}

function startRequest(ctx: CommandContext, session: HttpSession, request: ModuleRequest, route: Route): void {
  const { params } = session
  const exchange = startHttpExchange({
    to: route.to,
    method: HTTP_METHODS[request.method] ?? 'GET',
    path: route.target.path,
    headers: { ...describeHeaders(session, route.target, request.body), ...request.headers },
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(route.tls === undefined ? {} : { tls: route.tls }),
    connectTimeoutMs: params.connectTimeoutS * 1000,
    responseTimeoutMs: params.responseTimeoutS * 1000,
    receiveTimeoutMs: params.receiveTimeoutS * 1000,
    maxBodyBytes: MAX_RESPONSE_BYTES,
  })
  const pending = { method: request.method, report: request.report, cancel: exchange.cancel }
  session.pending = pending
  void exchange.result.then(result => {
    if (!ctx.isCurrent() || ctx.state.http !== session || session.pending !== pending) return
    session.pending = undefined
    finishRequest(ctx, session, request, result)
  })
}

function finishRequest(ctx: CommandContext, session: HttpSession, request: ModuleRequest, result: HttpExchangeResult): void {
  if (!result.ok) {
    ctx.note(`${HTTP_METHODS[request.method] ?? 'request'}: ${result.note}`)
    if (result.peerClosed) ctx.emitUrc('+HTTP_PEER_CLOSED')
    request.report(result.code, 0)
    return
  }
  // A HEAD answer has no body, whatever its Content-Length says.
  const body = request.method === METHOD.head ? Buffer.alloc(0) : result.body
  session.response = { method: request.method, status: result.status, head: result.head, body, readBytes: 0 }
  request.report(result.status, body.length)
}

/** Host, Accept, the body's type and length, a byte range (BREAK/BREAKEND), then the USERDATA lines as written. */
function describeHeaders(session: HttpSession, target: HttpTarget, body: Buffer | undefined): Record<string, string> {
  const { params } = session
  const headers: Record<string, string> = { Host: target.hostHeader, Accept: params.accept }
  if (body !== undefined) {
    headers['Content-Type'] = params.contentType
    headers['Content-Length'] = String(body.length)
  }
  if (params.breakStart !== undefined || params.breakEnd !== undefined) {
    headers.Range = `bytes=${params.breakStart ?? 0}-${params.breakEnd ?? ''}`
  }
  for (const line of params.userData) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim()
  }
  return headers
}
