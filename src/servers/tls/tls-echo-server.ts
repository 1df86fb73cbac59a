/**
 * A TLS echo-and-record server on loopback for the modem's TLS sockets (AT+CCH*): one listener that checks only
 * its own certificate, one that requires a client certificate signed by the CA (mutual TLS). It keeps every read
 * of every connection as a far-side event, echoes it back, and sends or closes on command.
 */
import { once } from 'node:events'
import type { AddressInfo, Socket } from 'node:net'
import { createServer, type TLSSocket, type TlsOptions, type Server } from 'node:tls'
import type { FarSideServer, ServerAction, ServerEvent } from '../../model/server-link.js'
import { DEFAULT_BROKER_HOSTNAMES, getSharedTestCertificates, type TestCertificates } from '../broker/test-certificates.js'

export interface StartTlsServerOptions {
  /** Address both listeners bind to; default `127.0.0.1` (loopback only). */
  host?: string
  /** Whether received bytes are sent straight back; default true. */
  echo?: boolean
  /** Certificates to serve; default the embedded broker's (same CA, so one `broker_ca` trusts both). */
  certificates?: TestCertificates
}

/** A running TLS echo-and-record server. */
export interface TlsEchoServer extends FarSideServer {
  host: string
  /** The port that presents the server certificate and asks for no client certificate. */
  tlsPort: number
  /** The port that requires a client certificate signed by the CA. */
  mtlsPort: number
  /** The CA that signed the server and client certificates (PEM). */
  ca: string
  /** The TLS connections accepted so far (on either port), numbered 1, 2, ... in accept order. */
  connections(): Array<{ connection: number; port: number; open: boolean }>
  /** Closes every connection and both listeners. Idempotent. */
  close(): Promise<void>
}

/** Starts both listeners on ephemeral ports. */
export async function startTlsServer(options: StartTlsServerOptions = {}): Promise<TlsEchoServer> {
  const host = options.host ?? '127.0.0.1'
  const certificates = options.certificates ?? (await getSharedTestCertificates({ hostnames: [...DEFAULT_BROKER_HOSTNAMES] }))
  const server = new RecordingTlsServer(host, certificates, options.echo ?? true)
  try {
    await server.listen()
  } catch (error) {
    await server.close()
    throw new Error(`could not start the TLS server on ${host}`, { cause: error })
  }
  return server
}

interface Connection {
  socket: TLSSocket
  /** The TCP connection under it: a TLS socket cannot send a reset itself. */
  tcp: Socket | undefined
  port: number
  open: boolean
}

class RecordingTlsServer implements TlsEchoServer {
  readonly names = ['tls'] as const
  readonly ca: string
  tlsPort = 0
  mtlsPort = 0
  private readonly received: ServerEvent[] = []
  private readonly listeners = new Set<(event: ServerEvent) => void>()
  private readonly sockets = new Map<number, Connection>()
  private readonly servers: Server[]
  /** Every TCP connection, handshaken or not, so close() never waits on one still in its handshake. */
  private readonly raw = new Set<Socket>()
  private closing: Promise<void> | undefined

  constructor(
    readonly host: string,
    certificates: TestCertificates,
    private readonly echo: boolean,
  ) {
    this.ca = certificates.ca
    this.servers = [false, true].map(mutual => createServer(describeTls(certificates, mutual), socket => this.accept(socket)))
    // A client the mutual-TLS port refuses ends in a handshake error on the server's side too: not ours to report.
    for (const server of this.servers) {
      server.on('tlsClientError', () => undefined)
      server.on('connection', (socket: Socket) => {
        this.raw.add(socket)
        socket.once('close', () => this.raw.delete(socket))
      })
    }
  }

  async listen(): Promise<void> {
    const ports = await Promise.all(
      this.servers.map(async server => {
        server.listen(0, this.host)
        await once(server, 'listening')
        return (server.address() as AddressInfo).port
      }),
    )
    this.tlsPort = ports[0] ?? 0
    this.mtlsPort = ports[1] ?? 0
  }

  events(): readonly ServerEvent[] {
    return [...this.received]
  }

  onEvent(listener: (event: ServerEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  connections(): Array<{ connection: number; port: number; open: boolean }> {
    return [...this.sockets.entries()].map(([connection, { port, open }]) => ({ connection, port, open }))
  }

  async act(action: ServerAction): Promise<void> {
    if (action.server !== 'tls' || (action.kind !== 'send' && action.kind !== 'close')) {
      throw new Error(`the TLS server cannot ${action.kind} for ${action.server}`)
    }
    const connection = action.connection ?? this.newestOpen()
    const entry = connection === undefined ? undefined : this.sockets.get(connection)
    if (entry === undefined || !entry.open) throw new Error(`the TLS server has no open connection ${connection ?? ''}`.trim())
    if (action.kind === 'send') {
      await new Promise<void>((resolve, reject) => entry.socket.write(action.bytes, error => (error ? reject(error) : resolve())))
      return
    }
    entry.open = false
    if (action.reset === true && entry.tcp !== undefined) entry.tcp.resetAndDestroy()
    else if (action.reset === true) entry.socket.destroy()
    else entry.socket.end()
  }

  close(): Promise<void> {
    this.closing ??= this.closeAll()
    return this.closing
  }

  private async closeAll(): Promise<void> {
    for (const { socket } of this.sockets.values()) socket.destroy()
    for (const socket of this.raw) socket.destroy()
    await Promise.all(this.servers.map(server => new Promise<void>(resolve => server.close(() => resolve()))))
  }

  private accept(socket: TLSSocket): void {
    const connection = this.sockets.size + 1
    const tcp = [...this.raw].find(raw => raw.remotePort === socket.remotePort && raw.remoteAddress === socket.remoteAddress)
    const entry: Connection = { socket, tcp, port: socket.localPort ?? 0, open: true }
    this.sockets.set(connection, entry)
    socket.on('data', (bytes: Buffer) => {
      this.record({ server: 'tls', kind: 'bytes', connection, body: Buffer.from(bytes), atMs: Date.now() })
      if (this.echo && entry.open) socket.write(bytes)
    })
    socket.on('end', () => socket.end())
    socket.on('close', () => (entry.open = false))
    socket.on('error', () => undefined)
  }

  private newestOpen(): number | undefined {
    return [...this.sockets.entries()].reverse().find(([, entry]) => entry.open)?.[0]
  }

  private record(event: ServerEvent): void {
    this.received.push(event)
    for (const listener of [...this.listeners]) listener(event)
  }
}

function describeTls(certificates: TestCertificates, mutual: boolean): TlsOptions {
  return {
    key: certificates.serverKey,
    cert: certificates.serverCert,
    ca: certificates.ca,
    requestCert: mutual,
    rejectUnauthorized: mutual,
  }
}
