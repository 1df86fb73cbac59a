/**
 * The real socket behind one link: a TCP connection (node:net) or a UDP socket (node:dgram) bound on loopback.
 * It reports data and the peer's close as events and never throws after it is open.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram'
import { connect, isIPv6, type Socket } from 'node:net'

export interface LinkEvents {
  /** Bytes arrived; `from` is the real sender (for UDP) as `addr:port`. */
  onData(bytes: Buffer, from: string): void
  /** The peer closed or reset a TCP connection. */
  onPeerClose(): void
}

export interface LinkSocket {
  /** Sends bytes (UDP: to `host:port`); resolves whether they were handed to the network. */
  send(bytes: Buffer, to?: { host: string; port: number }): Promise<boolean>
  /** Closes the socket without further events. */
  destroy(): void
}

export type OpenedLink = { ok: true; socket: LinkSocket } | { ok: false; reason: string }

/** Connects to `host:port`; settles once, within `timeoutMs`. */
export function connectTcpLink(host: string, port: number, timeoutMs: number, events: LinkEvents): Promise<OpenedLink> {
  return new Promise(resolve => {
    const socket = connect({ host, port })
    const timer = setTimeout(() => fail(`no connection within ${timeoutMs} ms`), timeoutMs)
    const fail = (reason: string): void => {
      clearTimeout(timer)
      socket.destroy()
      resolve({ ok: false, reason })
    }
    const onError = (error: NodeJS.ErrnoException): void => fail(`TCP connect failed: ${error.code ?? error.message}`)
    socket.once('error', onError)
    socket.once('connect', () => {
      clearTimeout(timer)
      socket.off('error', onError)
      resolve({ ok: true, socket: wrapTcp(socket, events) })
    })
  })
}

function wrapTcp(socket: Socket, events: LinkEvents): LinkSocket {
  let destroyed = false
  socket.on('data', bytes => events.onData(Buffer.from(bytes), `${socket.remoteAddress ?? ''}:${socket.remotePort ?? 0}`))
  socket.on('error', () => undefined)
  socket.on('close', () => {
    if (!destroyed) events.onPeerClose()
  })
  return {
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

/**
 * A UDP socket bound on loopback to an ephemeral port (the modem's own local port means nothing on this host).
 * It is usable at once: sends wait for the bind, and fail if it failed.
 */
export function openUdpLink(events: LinkEvents): LinkSocket {
  const udp: UdpSocket = createSocket('udp4')
  let destroyed = false
  const bound = new Promise<boolean>(resolve => {
    udp.once('error', () => resolve(false))
    udp.bind(0, '127.0.0.1', () => resolve(true))
  })
  udp.on('error', () => undefined)
  udp.on('message', (bytes, peer) => events.onData(Buffer.from(bytes), `${peer.address}:${peer.port}`))
  return {
    send: async (bytes, to) => {
      // This socket is IPv4; an IPv6 loopback target cannot be reached from it.
      if (!(await bound) || destroyed || to === undefined || isIPv6(to.host)) return false
      return new Promise(resolve => udp.send(bytes, to.port, to.host, error => resolve(error == null)))
    },
    destroy: () => {
      if (destroyed) return
      destroyed = true
      udp.close()
    },
  }
}
