/**
 * The real connection behind one CCH session: plain TCP (client type 1) or TLS (client type 2) through the
 * simulator's socket opener, whose failures are told apart here with the CCH codes (14 no TCP connection, 15
 * handshake, 19 certificate files not set). It reports data and the peer's close and never throws once open.
 */
import type { Socket } from 'node:net'
import { CCH_ERR } from '../../../modem/families/simcom/cch-codes.js'
import { MQTT_ERR } from '../../../modem/families/simcom/mqtt-codes.js'
import { openSocket } from '../../sockets/socket-open.js'
import { buildTlsSettings } from '../../sockets/tls-settings.js'
import type { SslContext } from '../ssl/ssl-state.js'

export interface CchSocketEvents {
  onData(bytes: Buffer): void
  /** The server closed or reset the connection. */
  onPeerClose(): void
}

export interface CchSocket {
  /** The local port of the connection. */
  readonly localPort: number
  /** Sends bytes; resolves whether they were handed to the network. */
  send(bytes: Buffer): Promise<boolean>
  /** Closes the connection without further events. */
  destroy(): void
}

export type CchConnectResult = { ok: true; socket: CchSocket } | { ok: false; code: number; note: string }

/** Where the session connects: the mapped address, the name as written (for SNI and the certificate check), TLS or not. */
export interface CchTarget {
  address: { host: string; port: number }
  serverName: string
  tls?: { context: SslContext; files: ReadonlyMap<string, Buffer> }
}

/** The opener's codes (shared with the MQTT client) as the CCH table words them. */
const CODE_FROM_OPENER: ReadonlyMap<number, number> = new Map([
  [MQTT_ERR.socketConnectFailed, CCH_ERR.connectSocket],
  [MQTT_ERR.handshakeFailed, CCH_ERR.handshake],
  [MQTT_ERR.certNotSet, CCH_ERR.certificatesNotSet],
  [MQTT_ERR.closedByServer, CCH_ERR.peerClosed],
])

/** A plain TCP connect with no answer gives up after this long (the TLS handshake has `negotiatetime`). */
const TCP_CONNECT_TIMEOUT_MS = 120_000

/** Connects and, for TLS, handshakes and verifies as the context says; settles once. */
export async function connectCchSocket(target: CchTarget, events: CchSocketEvents): Promise<CchConnectResult> {
  let timeoutMs = TCP_CONNECT_TIMEOUT_MS
  let settings
  if (target.tls !== undefined) {
    const built = buildTlsSettings(target.tls.context, target.tls.files, target.serverName)
    if (!built.ok) return { ok: false, code: translate(built.code), note: built.note }
    settings = built.settings
    timeoutMs = settings.handshakeTimeoutMs
  }
  const opened = await openSocket(target.address.host, target.address.port, settings, timeoutMs)
  if (!opened.ok) return { ok: false, code: translate(opened.code), note: opened.note }
  return { ok: true, socket: wrapSocket(opened.socket, events) }
}

function translate(code: number): number {
  return CODE_FROM_OPENER.get(code) ?? CCH_ERR.unknown
}

function wrapSocket(socket: Socket, events: CchSocketEvents): CchSocket {
  let destroyed = false
  socket.on('data', (bytes: Buffer) => events.onData(Buffer.from(bytes)))
  socket.on('error', () => undefined)
  socket.on('close', () => {
    if (!destroyed) events.onPeerClose()
  })
  return {
    localPort: socket.localPort ?? 0,
    send: bytes =>
      new Promise(resolve => {
        if (destroyed || socket.destroyed) return resolve(false)
        socket.write(bytes, error => resolve(error == null))
      }),
    destroy: () => {
      destroyed = true
      socket.destroy()
    },
  }
}
