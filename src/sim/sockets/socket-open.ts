/**
 * Opens the TCP or TLS connection of one AT+CMQTTCONNECT and classifies a failure with the modem's code:
 * no TCP connection is 3, anything that goes wrong after TCP is up but before the TLS session is 32.
 * Verification is done here rather than by Node, so authmode and ignorelocaltime behave as on the modem.
 */
import { connect as connectTcp, type Socket } from 'node:net'
import { checkServerIdentity, connect as connectTls, type ConnectionOptions, type TLSSocket } from 'node:tls'
import { isIP } from 'node:net'
import { MQTT_ERR } from '../../modem/families/simcom/mqtt-codes.js'
import type { TlsSettings } from './tls-settings.js'

export type SocketResult = { ok: true; socket: Socket } | { ok: false; code: number; note: string }

const DATE_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'])

/** Connects to `host:port`, with TLS when `tls` is given; settles once, and never leaves the socket open on failure. */
export function openSocket(host: string, port: number, tls: TlsSettings | undefined, timeoutMs: number): Promise<SocketResult> {
  return new Promise(resolve => {
    let tcpUp = false
    const socket: Socket = tls === undefined ? connectTcp({ host, port }) : connectTls(describeTlsOptions(host, port, tls))
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          code: tcpUp ? MQTT_ERR.handshakeFailed : MQTT_ERR.socketConnectFailed,
          note: `no connection within ${timeoutMs} ms`,
        }),
      timeoutMs,
    )
    const finish = (result: SocketResult): void => {
      clearTimeout(timer)
      socket.off('error', onError).off('close', onClose)
      if (!result.ok) socket.destroy()
      resolve(result)
    }
    const onError = (error: Error): void => finish(classifyFailure(tcpUp, tls !== undefined, error))
    const onClose = (): void => finish(classifyFailure(tcpUp, tls !== undefined, new Error('closed by the server')))
    socket.on('connect', () => {
      tcpUp = true
      if (tls === undefined) finish({ ok: true, socket })
    })
    socket.once('secureConnect', () => finish(checkTlsSession(socket as TLSSocket, tls)))
    socket.on('error', onError).on('close', onClose)
  })
}

function describeTlsOptions(host: string, port: number, tls: TlsSettings): ConnectionOptions {
  const weakVersion = tls.minVersion !== 'TLSv1.2'
  return {
    host,
    port,
    rejectUnauthorized: false,
    ...(tls.ca ? { ca: tls.ca } : {}),
    ...(tls.cert ? { cert: tls.cert } : {}),
    ...(tls.key ? { key: tls.key } : {}),
    ...(tls.sendSni && isIP(tls.serverName) === 0 ? { servername: tls.serverName } : {}),
    minVersion: tls.minVersion,
    maxVersion: tls.maxVersion,
    // TLS 1.0/1.1 need OpenSSL's lowest security level; the server still decides whether it accepts them.
    ...(weakVersion ? { ciphers: 'DEFAULT:@SECLEVEL=0' } : {}),
  }
}

function checkTlsSession(socket: TLSSocket, tls: TlsSettings | undefined): SocketResult {
  if (tls === undefined || !tls.verifyServer) return { ok: true, socket }
  const chainError = socket.authorized ? undefined : describeAuthorizationError(socket.authorizationError)
  if (chainError !== undefined && !(tls.ignoreDates && DATE_ERRORS.has(chainError))) {
    return { ok: false, code: MQTT_ERR.handshakeFailed, note: `server certificate not trusted: ${chainError}` }
  }
  const nameError = checkServerIdentity(tls.serverName, socket.getPeerCertificate())
  if (nameError !== undefined) {
    return { ok: false, code: MQTT_ERR.handshakeFailed, note: `server certificate is not for ${tls.serverName}: ${nameError.message}` }
  }
  return { ok: true, socket }
}

function describeAuthorizationError(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code
  return typeof code === 'string' ? code : String(error ?? 'unknown')
}

function classifyFailure(tcpUp: boolean, isTls: boolean, error: Error): SocketResult & { ok: false } {
  const code = (error as NodeJS.ErrnoException).code ?? ''
  if (!tcpUp) return { ok: false, code: MQTT_ERR.socketConnectFailed, note: `TCP connect failed: ${code || error.message}` }
  return {
    ok: false,
    code: isTls ? MQTT_ERR.handshakeFailed : MQTT_ERR.closedByServer,
    note: `TLS handshake failed: ${code || error.message}`,
  }
}
