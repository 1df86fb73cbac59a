/**
 * The FTP(S) server a `sim://` run's modem reaches: plain FTP with explicit TLS (AUTH TLS / AUTH SSL) on one port,
 * implicit FTPS on another, both on loopback, serving a temporary root seeded with a few files. Each completed
 * upload is an event of kind `file`; the `file` action puts a file a later download can fetch.
 */
import { once } from 'node:events'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { createSecureContext, createServer as createTlsServer } from 'node:tls'
import type { FarSideServer, ServerAction, ServerEvent } from '../../model/server-link.js'
import { DEFAULT_BROKER_HOSTNAMES, getSharedTestCertificates, type TestCertificates } from '../broker/test-certificates.js'
import { FtpRoot } from './ftp-root.js'
import { FtpSession } from './ftp-session.js'

export interface StartFtpServerOptions {
  /** Address the listeners bind to; default `127.0.0.1`. */
  host?: string
  /** The account clients log in with; default `atseq` / `atseq-ftp`. */
  user?: string
  password?: string
  /** Whether `anonymous` (or `ftp`) may log in with any password as well; default true. */
  anonymous?: boolean
  /** The server certificate; default the embedded broker's shared test certificates (one CA for both). */
  certificates?: TestCertificates
}

/** A running FTP(S) server. */
export interface FtpServer extends FarSideServer {
  readonly host: string
  /** FTP, and explicit FTPS after AUTH TLS. */
  readonly port: number
  /** Implicit FTPS (TLS from the first byte). */
  readonly implicitPort: number
  readonly user: string
  readonly password: string
  /** The CA that signed the server certificate (PEM). */
  readonly ca: string
  /** The local folder clients see as `/`. */
  readonly rootDir: string
  close(): Promise<void>
}

/** Starts both listeners on ephemeral loopback ports. */
export async function startFtpServer(options: StartFtpServerOptions = {}): Promise<FtpServer> {
  const host = options.host ?? '127.0.0.1'
  const certificates = options.certificates ?? (await getSharedTestCertificates({ hostnames: [...DEFAULT_BROKER_HOSTNAMES] }))
  const secureContext = createSecureContext({ cert: certificates.serverCert, key: certificates.serverKey })
  const root = await FtpRoot.create()
  const received: ServerEvent[] = []
  const listeners = new Set<(event: ServerEvent) => void>()
  const sessions = new Set<FtpSession>()
  const sessionHost = {
    root,
    host,
    user: options.user ?? 'atseq',
    password: options.password ?? 'atseq-ftp',
    anonymous: options.anonymous ?? true,
    secureContext,
    onStored: (path: string, body: Buffer): void => {
      const event: ServerEvent = { server: 'ftp', kind: 'file', path, body: Buffer.from(body), atMs: Date.now() }
      received.push(event)
      for (const listener of listeners) listener(event)
    },
  }
  const accept = (implicit: boolean) => (socket: Socket) => {
    const session = new FtpSession(socket, sessionHost, implicit)
    sessions.add(session)
    socket.once('close', () => sessions.delete(session))
  }
  const plain = await listen(createServer(accept(false)), host)
  const implicit = await listen(createTlsServer({ cert: certificates.serverCert, key: certificates.serverKey }, accept(true)), host)
  let closed: Promise<void> | undefined
  return {
    names: ['ftp'],
    host,
    port: portOf(plain),
    implicitPort: portOf(implicit),
    user: sessionHost.user,
    password: sessionHost.password,
    ca: certificates.ca,
    rootDir: root.dir,
    events: () => [...received],
    onEvent: listener => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    act: action => putFile(root, action),
    close: () => (closed ??= closeAll([plain, implicit], sessions, root)),
  }
}

async function putFile(root: FtpRoot, action: ServerAction): Promise<void> {
  if (action.server !== 'ftp' || action.kind !== 'file') throw new Error(`the FTP server cannot ${action.kind}`)
  await root.put(action.path, action.content)
}

async function listen(server: Server, host: string): Promise<Server> {
  server.listen(0, host)
  await once(server, 'listening')
  return server
}

function portOf(server: Server): number {
  return (server.address() as AddressInfo).port
}

async function closeAll(servers: Server[], sessions: Set<FtpSession>, root: FtpRoot): Promise<void> {
  for (const session of sessions) session.close()
  await Promise.all(servers.map(server => new Promise<void>(resolve => server.close(() => resolve()))))
  await root.close()
}
