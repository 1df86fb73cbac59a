/**
 * The far side of a run besides the broker, as the executor sees it: the servers atseq started for the modem's
 * sockets, TLS sockets, HTTP and FTP clients, and the simulated network's SMS centre. A step asserts on what one
 * of them received (`server:`) or makes one act (`serve:`). The app layer adapts each real server to this, so the
 * executor never knows which server stands behind a name.
 */
import type { WaitForOptions } from './broker-link.js'

/** The servers a sequence can name; each server kind says which events and actions it has. */
export type ServerName = 'tcp' | 'udp' | 'tls' | 'http' | 'ftp' | 'sms' | 'network'

/**
 * One thing a server received, in arrival order:
 * - `bytes`: a TCP/TLS read or a UDP datagram (`connection` numbers the TCP/TLS connection, 0 for UDP);
 * - `request`: an HTTP request (`method`, `path` with its query, `headers` lower-cased, `body`);
 * - `file`: a file an FTP client stored (`path` on the server, `body` its contents, complete when the upload ended);
 * - `message`: an SMS the network received from the modem (`path` the destination address, `body` the text as UTF-8).
 */
export interface ServerEvent {
  server: ServerName
  kind: 'bytes' | 'request' | 'file' | 'message'
  connection?: number
  method?: string
  path?: string
  headers?: Record<string, string>
  body: Buffer
  /** When it was observed, `Date.now()` milliseconds. */
  atMs: number
}

/** A route the HTTP server answers from now on (matched by method and path, the latest route first). */
export interface HttpRoute {
  method?: string
  path: string
  status: number
  headers?: Record<string, string>
  body?: Buffer
  /** Milliseconds before the answer starts. */
  delayMs?: number
  /** Answer with this status and a `Location` header instead of a body (`status` 301/302/307/308). */
  redirect?: string
  /** Send the body with `Transfer-Encoding: chunked` in chunks of this many bytes. */
  chunkBytes?: number
}

/** What a step can make a server do. */
export type ServerAction =
  /** Send bytes to the modem on a TCP/TLS connection (default the newest open one) or to the last UDP sender. */
  | { server: 'tcp' | 'udp' | 'tls'; kind: 'send'; bytes: Buffer; connection?: number }
  /** Close a TCP/TLS connection from the server's side (default the newest open one). */
  | { server: 'tcp' | 'tls'; kind: 'close'; connection?: number; reset?: boolean }
  | { server: 'http'; kind: 'route'; route: HttpRoute }
  /** Put a file on the FTP server (`path` absolute on the server). */
  | { server: 'ftp'; kind: 'file'; path: string; content: Buffer }
  /** The network delivers an SMS to the modem. */
  | { server: 'sms'; kind: 'deliver'; from: string; text: string }
  /** The network drops or restores the modem's data link, or sets the signal (`rssi` 0–31, 99 unknown). */
  | { server: 'network'; kind: 'drop' | 'restore' }
  | { server: 'network'; kind: 'signal'; rssi: number }

/** How a wait for a server event ended: received, or why not (`reason` is a sentence). */
export type ServerWait = { outcome: 'received'; event: ServerEvent } | { outcome: 'timeout' | 'aborted' | 'failed'; reason: string }

/** The servers a sequence can act through and assert on. */
export interface ServerLink {
  /** The servers this run has (a step naming another one errors with a hint). */
  readonly names: readonly ServerName[]
  /**
   * Resolves with the first event of `server` that `match` accepts (already received at or after `since`, or still
   * to come). `match` sees each event once, oldest first, so it may keep state (the bytes of a connection so far).
   */
  waitFor(server: ServerName, match: (event: ServerEvent) => boolean, options: WaitForOptions): Promise<ServerWait>
  /** What `server` received at or after `since` (`Date.now()` ms), oldest first: the evidence a check shows; none for a name no server answers to. */
  received(server: ServerName, since: number): readonly ServerEvent[]
  /** Performs the action; rejects with a sentence when the server cannot (no such connection, unsupported action). */
  act(action: ServerAction): Promise<void>
}

/**
 * One far-side server as the app layer composes it into a ServerLink: the echo server (tcp, udp), the TLS server,
 * the HTTP server, the FTP server, the simulated network (sms, network). Each keeps what it received for the run.
 */
export interface FarSideServer {
  /** The names it answers to (the echo server is both `tcp` and `udp`). */
  readonly names: readonly ServerName[]
  /** Everything received so far, oldest first. */
  events(): readonly ServerEvent[]
  /** Calls `listener` for each event from now on; returns the function that stops it. */
  onEvent(listener: (event: ServerEvent) => void): () => void
  /** Performs an action addressed to one of its names; rejects with a sentence when it cannot. */
  act(action: ServerAction): Promise<void>
}
