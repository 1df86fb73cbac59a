/**
 * Serves simulated modems over TCP (`atseq sim --listen`): each connection gets a freshly powered-up modem,
 * one connection at a time (a second one is closed at once, as a serial port is busy).
 */
import { createServer, type AddressInfo, type Socket } from 'node:net'
import type { SimModem } from './sim-modem.js'

export interface SimServerOptions {
  /** `tcp://host:port`; port 0 picks a free one. */
  listen: string
  createModem: () => SimModem
  onEvent?: (event: SimServerEvent) => void
}

export type SimServerEvent =
  { kind: 'connected'; remote: string } | { kind: 'disconnected'; remote: string } | { kind: 'refused'; remote: string; reason: 'busy' }

export interface SimServer {
  host: string
  port: number
  /** `tcp://host:port` as bound. */
  url: string
  close(): Promise<void>
}

/** Parses `tcp://host:port` (IPv6 in brackets); undefined when it is not one. */
export function parseListenUrl(url: string): { host: string; port: number } | undefined {
  const match = /^tcp:\/\/(\[[^\]]+\]|[^:/]+):(\d{1,5})\/?$/.exec(url)
  const port = Number(match?.[2])
  if (!match || port > 65535) return undefined
  const host = match[1] ?? ''
  return { host: host.startsWith('[') ? host.slice(1, -1) : host, port }
}

/** Starts listening; rejects when the address cannot be bound. */
export async function serveSimOverTcp(opts: SimServerOptions): Promise<SimServer> {
  const address = parseListenUrl(opts.listen)
  if (address === undefined) throw new Error(`--listen wants tcp://host:port, got "${opts.listen}"`)
  let active: Socket | undefined
  const sockets = new Set<Socket>()
  const server = createServer(socket => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    const remote = `${socket.remoteAddress}:${socket.remotePort}`
    if (active !== undefined) {
      opts.onEvent?.({ kind: 'refused', remote, reason: 'busy' })
      return void socket.destroy()
    }
    active = socket
    connectModem(socket, opts.createModem(), () => {
      active = undefined
      opts.onEvent?.({ kind: 'disconnected', remote })
    })
    opts.onEvent?.({ kind: 'connected', remote })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(address.port, address.host, () => resolve())
  })
  const bound = server.address() as AddressInfo
  const host = address.host
  return {
    host,
    port: bound.port,
    url: `tcp://${host.includes(':') ? `[${host}]` : host}:${bound.port}`,
    close: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

function connectModem(socket: Socket, modem: SimModem, onGone: () => void): void {
  socket.setNoDelay(true)
  modem.attach(
    bytes => {
      if (!socket.destroyed) socket.write(bytes)
    },
    () => socket.destroy(),
  )
  socket.on('data', chunk => modem.receive(chunk))
  socket.on('error', () => undefined)
  socket.once('close', () => {
    void modem.detach()
    onGone()
  })
}
