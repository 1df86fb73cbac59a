/** The Quectel TCP/IP stack's part of the modem state: its sockets (connect IDs) and the last error. */
import type { SimProfile } from '../../profile.js'
import type { LinkSocket } from '../tcpip/link-socket.js'

/** One socket from AT+QIOPEN until AT+QICLOSE. */
export interface QiLink {
  protocol: 'TCP' | 'UDP'
  /** `opening` until the connect settles; `closed` after the peer closed it or the PDP context went (AT+QICLOSE frees it). */
  phase: 'opening' | 'open' | 'closed'
  cid: number
  host: string
  port: number
  localPort: number
  /** AT+QIOPEN <access_mode>: 0 buffer (read with AT+QIRD), 1 direct push. */
  mode: 0 | 1
  socket?: LinkSocket
  /** Buffer mode: bytes received and not read yet, and whether `+QIURC: "recv",<id>` was printed for them. */
  unread: Buffer
  announced: boolean
  receivedBytes: number
  readBytes: number
  sentBytes: number
}

export interface QtcpipState {
  qiLinks: Array<QiLink | undefined>
  /** AT+QIGETERROR: the result of the last TCP/IP command (0 = success). */
  qiLastError: number
}

/** The stack right after power-up: every socket free, no error. */
export function createQtcpipState(profile: SimProfile): QtcpipState {
  const connections = profile.quectel?.tcpip.connections ?? 0
  return { qiLinks: Array.from({ length: connections }, () => undefined), qiLastError: 0 }
}
