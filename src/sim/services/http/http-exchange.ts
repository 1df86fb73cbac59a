/**
 * One real HTTP(S) request from the simulated module to the address its URL was mapped to (node:http / node:https),
 * with the module's three timeouts, classified into the module's result: the server's status, header and body, or
 * a 7xx `<errcode>` (714 no connection, 715 TLS handshake or verification, 705 timeout, 706 the peer closed early).
 */
import { request as requestPlain, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http'
import { request as requestTls, type RequestOptions as TlsRequestOptions } from 'node:https'
import { isIP } from 'node:net'
import { checkServerIdentity } from 'node:tls'
import { HTTP_ERR } from '../../../modem/families/simcom/http-codes.js'
import type { TlsSettings } from '../../sockets/tls-settings.js'

export interface HttpExchangeRequest {
  /** The real address to connect to. */
  to: { host: string; port: number }
  method: string
  path: string
  headers: Record<string, string>
  body?: Buffer
  /** TLS settings for an `https://` URL; their `serverName` is the URL's host. */
  tls?: TlsSettings
  connectTimeoutMs: number
  responseTimeoutMs: number
  receiveTimeoutMs: number
  /** The most body bytes the module keeps; more is a memory error (707). */
  maxBodyBytes: number
}

export type HttpExchangeResult =
  { ok: true; status: number; head: Buffer; body: Buffer } | { ok: false; code: number; note: string; peerClosed: boolean }

/** A request under way: its result, or `cancel()` to drop it without one. */
export interface HttpExchange {
  result: Promise<HttpExchangeResult>
  cancel(): void
}

type Phase = 'connecting' | 'handshaking' | 'waiting' | 'receiving'

/** Sends the request; the result settles once and the socket never outlives it. */
export function startHttpExchange(request: HttpExchangeRequest): HttpExchange {
  const make = request.tls === undefined ? requestPlain : requestTls
  const req: ClientRequest = make(describeOptions(request))
  let cancel = (): void => undefined
  const result = new Promise<HttpExchangeResult>(resolve => {
    let phase: Phase = 'connecting'
    let timer: NodeJS.Timeout | undefined
    const finish = (outcome: HttpExchangeResult): void => {
      clearTimeout(timer)
      timer = undefined
      cancel = () => undefined
      req.destroy()
      resolve(outcome)
    }
    const fail = (code: number, note: string, peerClosed = false): void => finish({ ok: false, code, note, peerClosed })
    const arm = (ms: number, code: number, what: string): void => {
      clearTimeout(timer)
      timer = setTimeout(() => fail(code, `${what} within ${ms} ms`), ms)
    }
    const sent = (): void => {
      phase = 'waiting'
      arm(request.responseTimeoutMs, HTTP_ERR.timeout, 'no answer')
    }
    cancel = () => {
      clearTimeout(timer)
      req.destroy()
    }
    arm(request.connectTimeoutMs, HTTP_ERR.connectFailed, 'no connection')
    req.on('socket', socket => {
      socket.once('connect', () => (request.tls === undefined ? sent() : (phase = 'handshaking')))
      socket.once('secureConnect', sent)
    })
    req.on('error', error => fail(...classifyError(phase, error)))
    req.on('response', response => {
      phase = 'receiving'
      arm(request.receiveTimeoutMs, HTTP_ERR.timeout, 'no data')
      readResponse(response, request, () => arm(request.receiveTimeoutMs, HTTP_ERR.timeout, 'no data'), finish)
    })
    req.end(request.body)
  })
  return { result, cancel: () => cancel() }
}

function describeOptions(request: HttpExchangeRequest): RequestOptions | TlsRequestOptions {
  const base: RequestOptions = {
    host: request.to.host,
    port: request.to.port,
    method: request.method,
    path: request.path,
    headers: request.headers,
    agent: false,
  }
  const tls = request.tls
  if (tls === undefined) return base
  const options: TlsRequestOptions = {
    ...base,
    ...(tls.ca ? { ca: tls.ca } : {}),
    ...(tls.cert ? { cert: tls.cert } : {}),
    ...(tls.key ? { key: tls.key } : {}),
    // An empty servername sends no SNI; node would otherwise take it from the Host header.
    servername: tls.sendSni && isIP(tls.serverName) === 0 ? tls.serverName : '',
    rejectUnauthorized: tls.verifyServer,
    // The certificate is checked against the URL's host, not the loopback address it was mapped to.
    checkServerIdentity: (_host, certificate) => checkServerIdentity(tls.serverName, certificate),
    minVersion: tls.minVersion,
    maxVersion: tls.maxVersion,
    ...(tls.minVersion !== 'TLSv1.2' ? { ciphers: 'DEFAULT:@SECLEVEL=0' } : {}),
  }
  return options
}

function readResponse(
  response: IncomingMessage,
  request: HttpExchangeRequest,
  onData: () => void,
  finish: (result: HttpExchangeResult) => void,
): void {
  const chunks: Buffer[] = []
  let byteCount = 0
  response.on('data', (chunk: Buffer) => {
    byteCount += chunk.length
    if (byteCount > request.maxBodyBytes) {
      return finish({ ok: false, code: HTTP_ERR.memoryError, note: `the body passed ${request.maxBodyBytes} bytes`, peerClosed: false })
    }
    chunks.push(chunk)
    onData()
  })
  response.on('end', () =>
    finish({ ok: true, status: response.statusCode ?? 0, head: describeHead(response), body: Buffer.concat(chunks) }),
  )
  response.on('close', () => {
    if (!response.complete)
      finish({ ok: false, code: HTTP_ERR.socketDataFailed, note: 'the server closed before the body ended', peerClosed: true })
  })
  response.on('error', () => undefined)
}

/** The status line and header lines as the server sent them, ended by the empty line. */
function describeHead(response: IncomingMessage): Buffer {
  const lines = [`HTTP/${response.httpVersion} ${response.statusCode ?? 0} ${response.statusMessage ?? ''}`]
  for (let at = 0; at + 1 < response.rawHeaders.length; at += 2) lines.push(`${response.rawHeaders[at]}: ${response.rawHeaders[at + 1]}`)
  return Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1')
}

function classifyError(phase: Phase, error: Error): [number, string, boolean] {
  const code = (error as NodeJS.ErrnoException).code ?? error.message
  if (phase === 'connecting') return [HTTP_ERR.connectFailed, `TCP connect failed: ${code}`, false]
  if (phase === 'handshaking') return [HTTP_ERR.handshakeFailed, `TLS handshake failed: ${code}`, false]
  return [HTTP_ERR.socketDataFailed, `the connection ended before an answer: ${code}`, true]
}
