/** The TCP/IP service's part of the modem state: the socket service (AT+NETOPEN), its receive settings and its links. */
import type { SimProfile } from '../../profile.js'
import type { OnlineSession } from '../../reply.js'
import type { LinkSocket } from './link-socket.js'

/** Where received data goes: pushed to the host as it arrives, or kept until AT+CIPRXGET reads it. */
export type ReceiveMode = 'push' | 'buffer'

/** One link (`<link_num>`) from AT+CIPOPEN until it is closed. */
export interface TcpipLink {
  protocol: 'TCP' | 'UDP'
  /** `opening` until the TCP connect settles; `broken` after the network went away (only AT+CIPCLOSE helps). */
  phase: 'opening' | 'open' | 'broken'
  /** The remote host and port as AT+CIPOPEN wrote them ("" and 0 for a UDP link opened without one). */
  host: string
  port: number
  localPort: number
  socket?: LinkSocket
  /** Where a UDP link last sent: as written and as really reached (`addr:port`), to name replies from it. */
  lastTarget?: { host: string; port: number; resolved: string }
  /** Received bytes not read yet (buffer mode). */
  unread: Buffer
  /** A transparent link's byte stream over the serial port (AT+CIPMODE=1: link 0 only). */
  online?: OnlineSession
}

export interface TcpipState {
  /** Whether AT+NETOPEN opened the socket service. */
  netOpen: boolean
  receiveMode: ReceiveMode
  /** AT+CIPMODE=1: the next TCP link 0 is transparent (its bytes go over the serial port in online data mode). */
  transparent: boolean
  /** AT+CIPHEAD: whether pushed data is preceded by `+IPD<len>`. */
  showIpHeader: boolean
  /** AT+CIPSRIP: whether pushed data is preceded by `RECV FROM:<ip>:<port>`. */
  showRemoteAddress: boolean
  links: Array<TcpipLink | undefined>
}

/** Links the module has (`<link_num>` 0..9). */
export const TCPIP_LINKS = 10

/** The service right after power-up: closed, direct push with both headers, every link free. */
export function createTcpipState(_profile: SimProfile): TcpipState {
  return {
    netOpen: false,
    receiveMode: 'push',
    transparent: false,
    showIpHeader: true,
    showRemoteAddress: true,
    links: Array.from({ length: TCPIP_LINKS }, () => undefined),
  }
}
