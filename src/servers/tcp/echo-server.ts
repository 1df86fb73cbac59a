/**
 * A TCP and UDP echo-and-record server on loopback: both listen on the same port number, so one host mapping
 * serves a modem's TCP and UDP sockets. It keeps every byte it received (per connection, per datagram), can echo
 * it back, and lets a test or a step send to the modem and close a connection on command.
 */
import { once } from 'node:events'
import { createSocket, type Socket as UdpSocket } from 'node:dgram'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'

export interface StartEchoServerOptions {
  /** Address both listeners bind to; default `127.0.0.1` (loopback only). */
  host?: string
  /** Whether received bytes are sent straight back; default true. */
  echo?: boolean
}

/** What the server received: the bytes of one TCP read or one datagram, in arrival order. */
export interface ReceivedChunk {
  protocol: 'tcp' | 'udp'
  /** TCP: the connection's number (1, 2, ... in accept order); UDP: 0. */
  connection: number
  /** The modem's address and port as the server saw them. */
  from: string
  bytes: Buffer
  /** When it arrived, `Date.now()` milliseconds. */
  atMs: number
}

/** A running echo-and-record server. */
export interface EchoServer {
  host: string
  /** The port both the TCP and the UDP listener use. */
  port: number
  /** Every chunk received so far, oldest first. */
  received(): ReceivedChunk[]
  /** The bytes one TCP connection sent, concatenated (empty when unknown). */
  receivedOn(connection: number): Buffer
  /** The TCP connections accepted so far, by number, with whether they are still open. */
  connections(): Array<{ connection: number; from: string; open: boolean }>
  /** Calls `listener` for each chunk from now on; returns the function that stops it. */
  onChunk(listener: (chunk: ReceivedChunk) => void): () => void
  /** Resolves once `count` chunks have arrived; rejects after `timeoutMs` (default 5000). */
  waitForChunks(count: number, timeoutMs?: number): Promise<ReceivedChunk[]>
  /** Sends bytes on a TCP connection (default: the newest open one). Throws when it is not open. */
  sendTcp(bytes: Buffer | string, connection?: number): void
  /** Sends a datagram to `to` (`addr:port`, default: the last UDP sender). */
  sendUdp(bytes: Buffer | string, to?: string): Promise<void>
  /** Ends a TCP connection from the server's side (FIN), or resets it with `reset`. */
  closeConnection(connection?: number, reset?: boolean): void
  /** Closes every connection and both listeners. Idempotent. */
  close(): Promise<void>
}

const BIND_ATTEMPTS = 20

/** Starts the server on an ephemeral port free for both TCP and UDP. */
export async function startEchoServer(options: StartEchoServerOptions = {}): Promise<EchoServer> {
  const host = options.host ?? '127.0.0.1'
  for (let attempt = 1; ; attempt++) {
    const tcp = createServer()
    tcp.listen(0, host)
    await once(tcp, 'listening')
    const port = (tcp.address() as AddressInfo).port
    const udp = createSocket(host.includes(':') ? 'udp6' : 'udp4')
    const bound = await bindUdp(udp, port, host)
    if (bound) return new RecordingServer(host, port, tcp, udp, options.echo ?? true)
    udp.close()
    tcp.close()
    if (attempt >= BIND_ATTEMPTS) throw new Error(`no port on ${host} was free for both TCP and UDP after ${attempt} attempts`)
  }
}

function bindUdp(udp: UdpSocket, port: number, host: string): Promise<boolean> {
  return new Promise(resolve => {
    const onError = (): void => resolve(false)
    udp.once('error', onError)
    udp.bind(port, host, () => {
      udp.off('error', onError)
      resolve(true)
    })
  })
}

class RecordingServer implements EchoServer {
  private readonly chunks: ReceivedChunk[] = []
  private readonly sockets = new Map<number, { socket: Socket; from: string; open: boolean }>()
  private readonly waiters = new Set<() => void>()
  private readonly listeners = new Set<(chunk: ReceivedChunk) => void>()
  private lastUdpSender: string | undefined
  private closed = false

  constructor(
    readonly host: string,
    readonly port: number,
    private readonly tcp: Server,
    private readonly udp: UdpSocket,
    private readonly echo: boolean,
  ) {
    tcp.on('connection', socket => this.accept(socket))
    udp.on('message', (bytes, peer) => {
      const from = `${peer.address}:${peer.port}`
      this.lastUdpSender = from
      this.record({ protocol: 'udp', connection: 0, from, bytes: Buffer.from(bytes), atMs: Date.now() })
      if (this.echo) udp.send(bytes, peer.port, peer.address)
    })
    udp.on('error', () => undefined)
  }

  received(): ReceivedChunk[] {
    return [...this.chunks]
  }

  receivedOn(connection: number): Buffer {
    return Buffer.concat(this.chunks.filter(c => c.protocol === 'tcp' && c.connection === connection).map(c => c.bytes))
  }

  connections(): Array<{ connection: number; from: string; open: boolean }> {
    return [...this.sockets.entries()].map(([connection, { from, open }]) => ({ connection, from, open }))
  }

  onChunk(listener: (chunk: ReceivedChunk) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  waitForChunks(count: number, timeoutMs = 5000): Promise<ReceivedChunk[]> {
    if (this.chunks.length >= count) return Promise.resolve(this.received())
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.chunks.length < count) return
        clearTimeout(timer)
        this.waiters.delete(check)
        resolve(this.received())
      }
      const timer = setTimeout(() => {
        this.waiters.delete(check)
        reject(new Error(`the echo server received ${this.chunks.length} of ${count} chunks within ${timeoutMs} ms`))
      }, timeoutMs)
      this.waiters.add(check)
    })
  }

  sendTcp(bytes: Buffer | string, connection = this.newestOpen()): void {
    const entry = connection === undefined ? undefined : this.sockets.get(connection)
    if (entry === undefined || !entry.open) throw new Error(`the echo server has no open TCP connection ${connection ?? ''}`)
    entry.socket.write(Buffer.from(bytes))
  }

  async sendUdp(bytes: Buffer | string, to = this.lastUdpSender): Promise<void> {
    if (to === undefined) throw new Error('the echo server has received no datagram to answer')
    const split = to.lastIndexOf(':')
    const address = to.slice(0, split).replace(/^\[|\]$/g, '')
    await new Promise<void>((resolve, reject) =>
      this.udp.send(Buffer.from(bytes), Number(to.slice(split + 1)), address, error => (error ? reject(error) : resolve())),
    )
  }

  closeConnection(connection = this.newestOpen(), reset = false): void {
    const entry = connection === undefined ? undefined : this.sockets.get(connection)
    if (entry === undefined || !entry.open) return
    entry.open = false
    if (reset) entry.socket.resetAndDestroy()
    else entry.socket.end()
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const { socket } of this.sockets.values()) socket.destroy()
    await Promise.all([
      new Promise<void>(resolve => this.tcp.close(() => resolve())),
      new Promise<void>(resolve => this.udp.close(resolve)),
    ])
  }

  private accept(socket: Socket): void {
    const connection = this.sockets.size + 1
    const from = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? 0}`
    const entry = { socket, from, open: true }
    this.sockets.set(connection, entry)
    socket.on('data', bytes => {
      this.record({ protocol: 'tcp', connection, from, bytes: Buffer.from(bytes), atMs: Date.now() })
      if (this.echo) socket.write(bytes)
    })
    socket.on('end', () => socket.end())
    socket.on('close', () => (entry.open = false))
    socket.on('error', () => undefined)
  }

  private newestOpen(): number | undefined {
    return [...this.sockets.entries()].reverse().find(([, entry]) => entry.open)?.[0]
  }

  private record(chunk: ReceivedChunk): void {
    this.chunks.push(chunk)
    for (const listener of [...this.listeners]) listener(chunk)
    for (const waiter of [...this.waiters]) waiter()
  }
}
