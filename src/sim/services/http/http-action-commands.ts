/**
 * AT+HTTPACTION: the request itself, sent for real to where the URL's host is mapped, answered by `OK` and then
 * `+HTTPACTION: <method>,<statuscode>,<datalen>`, the status being the server's or the module's 7xx `<errcode>`.
 * Redirects are not followed: a 3xx is the result, its `Location` readable with AT+HTTPHEAD.
 */
import { readInt, type AtCommand } from '../../../modem/at-command-line.js'
import { HTTP_ERR, HTTP_METHODS } from '../../../modem/families/simcom/http-codes.js'
import { MQTT_ERR } from '../../../modem/families/simcom/mqtt-codes.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { buildTlsSettings, type TlsSettings } from '../../sockets/tls-settings.js'
import { startHttpExchange, type HttpExchangeResult } from './http-exchange.js'
import type { HttpSession } from './http-state.js'
import { readHttpTarget, type HttpTarget } from './http-url.js'

/** The most body bytes the module keeps for AT+HTTPREAD (1 MiB); a longer body ends the action with 707. */
export const MAX_RESPONSE_BYTES = 1024 * 1024

const METHOD = { get: 0, post: 1, head: 2, delete: 3, put: 4 } as const

function runAction(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk(`+HTTPACTION: (0-${HTTP_METHODS.length - 1})`)
  const session = ctx.state.http
  const method = readInt(cmd, 0, 0, HTTP_METHODS.length - 1)
  if (cmd.form !== 'write' || session === undefined || method === undefined || cmd.args.length !== 1) return replyError()
  const target = readHttpTarget(session.params.url ?? '')
  if (session.pending !== undefined || target === undefined) return replyError()
  session.response = undefined
  const report = (status: number, length: number): void => ctx.emitUrc(`+HTTPACTION: ${method},${status},${length}`)
  if (!ctx.state.networkUp) {
    report(HTTP_ERR.noNetwork, 0)
    return replyOk()
  }
  const resolved = ctx.resolve(target.host, target.port)
  if (!resolved.ok) {
    ctx.note(resolved.note)
    report(HTTP_ERR.dnsFailed, 0)
    return replyOk()
  }
  const tls = target.secure ? buildTls(ctx, session, target) : undefined
  if (tls !== undefined && !tls.ok) {
    ctx.note(`AT+HTTPACTION=${method}: ${tls.note}`)
    report(tls.code === MQTT_ERR.certNotSet ? HTTP_ERR.caMissed : HTTP_ERR.handshakeFailed, 0)
    return replyOk()
  }
  sendRequest(ctx, session, method, target, { host: resolved.host, port: resolved.port }, tls?.settings)
  return replyOk()
}

function buildTls(ctx: CommandContext, session: HttpSession, target: HttpTarget): ReturnType<typeof buildTlsSettings> {
  const context = ctx.state.ssl[session.params.sslContext]
  if (context === undefined) return { ok: false, code: MQTT_ERR.handshakeFailed, note: `no SSL context ${session.params.sslContext}` }
  return buildTlsSettings(context, ctx.files, target.host)
}

function sendRequest(
  ctx: CommandContext,
  session: HttpSession,
  method: number,
  target: HttpTarget,
  to: { host: string; port: number },
  tls: TlsSettings | undefined,
): void {
  const { params } = session
  const body = method === METHOD.post || method === METHOD.put ? (session.body ?? Buffer.alloc(0)) : undefined
  const exchange = startHttpExchange({
    to,
    method: HTTP_METHODS[method] ?? 'GET',
    path: target.path,
    headers: describeHeaders(session, target, body),
    ...(body === undefined ? {} : { body }),
    ...(tls === undefined ? {} : { tls }),
    connectTimeoutMs: params.connectTimeoutS * 1000,
    responseTimeoutMs: params.responseTimeoutS * 1000,
    receiveTimeoutMs: params.receiveTimeoutS * 1000,
    maxBodyBytes: MAX_RESPONSE_BYTES,
  })
  const pending = { method, cancel: exchange.cancel }
  session.pending = pending
  void exchange.result.then(result => {
    if (!ctx.isCurrent() || ctx.state.http !== session || session.pending !== pending) return
    session.pending = undefined
    finishAction(ctx, session, method, result)
  })
}

function finishAction(ctx: CommandContext, session: HttpSession, method: number, result: HttpExchangeResult): void {
  if (!result.ok) {
    ctx.note(`AT+HTTPACTION=${method}: ${result.note}`)
    if (result.peerClosed) ctx.emitUrc('+HTTP_PEER_CLOSED')
    ctx.emitUrc(`+HTTPACTION: ${method},${result.code},0`)
    return
  }
  // A HEAD answer has no body, whatever its Content-Length says.
  const body = method === METHOD.head ? Buffer.alloc(0) : result.body
  session.response = { method, status: result.status, head: result.head, body, readBytes: 0 }
  ctx.emitUrc(`+HTTPACTION: ${method},${result.status},${body.length}`)
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

/** The network went away: the session reports `+HTTP_NONET_EVENT`; a request in flight ends with 717. */
export function loseHttpNetwork(ctx: CommandContext): void {
  const session = ctx.state.http
  if (session === undefined) return
  ctx.emitUrc('+HTTP_NONET_EVENT')
  const pending = session.pending
  if (pending === undefined) return
  pending.cancel()
  session.pending = undefined
  ctx.emitUrc(`+HTTPACTION: ${pending.method},${HTTP_ERR.noNetwork},0`)
}

/** Power-down: a request in flight is dropped silently. */
export function closeHttpSession(ctx: CommandContext): void {
  ctx.state.http?.pending?.cancel()
}

export const HTTP_ACTION_HANDLERS: HandlerTable = {
  '+HTTPACTION': runAction,
}
