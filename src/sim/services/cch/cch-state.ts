/** The CCH service's part of the modem state: the SSL/TLS socket service, its settings and its two sessions. */
import type { SimProfile } from '../../profile.js'
import type { CchSocket } from './cch-socket.js'

/** Where received data goes: pushed to the host as it arrives, or kept until AT+CCHRECV reads it. */
export type CchReceiveMode = 'push' | 'manual'

/** One session (`<session_id>`) from AT+CCHOPEN until it is closed. */
export interface CchSession {
  /** `opening` until the connect (and the TLS handshake) settles. */
  phase: 'opening' | 'open'
  /** The server as AT+CCHOPEN wrote it. */
  host: string
  port: number
  /** 1 plain TCP client, 2 SSL/TLS client. */
  clientType: 1 | 2
  /** The local port the connection really uses (AT+CCHOPEN? reports it). */
  bindPort: number
  socket?: CchSocket
  /** Received bytes not read yet (manual receive mode). */
  unread: Buffer
}

export interface CchState {
  cch: {
    /** Whether AT+CCHSTART started the service. */
    started: boolean
    /** AT+CCHSET's `<report_send_result>`: whether `+CCHSEND: <session_id>,<err>` follows each send. */
    reportSend: boolean
    /** AT+CCHSET's `<recv_mode>`. */
    receiveMode: CchReceiveMode
    /** AT+CCHSSLCFG: the SSL context each session uses (unset: the context of the session's own number). */
    sslContexts: Array<number | undefined>
    sessions: Array<CchSession | undefined>
  }
}

/** Sessions the module has (`<session_id>` 0..1). */
export const CCH_SESSIONS = 2

/** The service right after power-up: stopped, no send reports, data pushed, every session free. */
export function createCchState(_profile: SimProfile): CchState {
  return {
    cch: {
      started: false,
      reportSend: false,
      receiveMode: 'push',
      sslContexts: Array.from({ length: CCH_SESSIONS }, () => undefined),
      sessions: Array.from({ length: CCH_SESSIONS }, () => undefined),
    },
  }
}
