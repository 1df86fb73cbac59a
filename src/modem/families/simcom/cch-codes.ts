/**
 * The SIMCom SSL/TLS socket (CCH) result codes: the `<err>` of `+CCHSTART`, `+CCHSTOP`, `+CCHOPEN`, `+CCHCLOSE`,
 * `+CCHSEND`, `+CCHRECV: <session_id>,<err>` and `+CCH_RECV_CLOSED`, as the A76XX SSL application note (4.1.1)
 * lists them.
 */

/** `<err>` values of the CCH result lines and URCs. */
export const CCH_ERR = {
  ok: 0,
  alerting: 1,
  unknown: 2,
  busy: 3,
  peerClosed: 4,
  timeout: 5,
  transferFailed: 6,
  memory: 7,
  invalidParameter: 8,
  network: 9,
  openSession: 10,
  state: 11,
  createSocket: 12,
  dns: 13,
  connectSocket: 14,
  handshake: 15,
  closeSocket: 16,
  noNet: 17,
  sendTimeout: 18,
  certificatesNotSet: 19,
} as const

/** What each `<err>` value means, as the application note words it. */
export const CCH_ERR_TEXTS: Readonly<Record<number, string>> = Object.fromEntries(
  [
    'operation succeeded',
    'alerting state (reserved)',
    'unknown error',
    'busy',
    'peer closed',
    'operation timeout',
    'transfer failed',
    'memory error',
    'invalid parameter',
    'network error',
    'open session error',
    'state error',
    'create socket error',
    'get DNS error',
    'connect socket error',
    'handshake error',
    'close socket error',
    'no network',
    'send data timeout',
    'certificates not set',
  ].map((text, code) => [code, text]),
)
