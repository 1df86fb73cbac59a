/** The `<err>` values of the CMQTT result lines and URCs (SIMCom MQTT(S) error table, 0..35). */
export const MQTT_ERR = {
  ok: 0,
  failed: 1,
  badUtf8: 2,
  socketConnectFailed: 3,
  socketCreateFailed: 4,
  socketCloseFailed: 5,
  messageReceiveFailed: 6,
  networkOpenFailed: 7,
  networkCloseFailed: 8,
  networkNotOpened: 9,
  clientIndexError: 10,
  noConnection: 11,
  invalidParameter: 12,
  notSupported: 13,
  clientBusy: 14,
  requireConnectionFailed: 15,
  socketSendFailed: 16,
  timeout: 17,
  topicEmpty: 18,
  clientUsed: 19,
  clientNotAcquired: 20,
  clientNotReleased: 21,
  lengthOutOfRange: 22,
  networkOpened: 23,
  packetFailed: 24,
  dnsError: 25,
  closedByServer: 26,
  /** CONNACK refusals 1..5 are reported as 26 + the CONNACK return code (27..31). */
  connackBase: 26,
  handshakeFailed: 32,
  certNotSet: 33,
  openSessionFailed: 34,
  disconnectFailed: 35,
} as const

/** Causes of `+CMQTTCONNLOST: <idx>,<cause>`. */
export const CONNLOST_CAUSE = {
  closedByPeer: 1,
  reset: 2,
  networkClosed: 3,
} as const

/** What each `<err>` value means, as the SIMCom MQTT(S) manual's result code table words it. */
export const MQTT_ERR_TEXTS: Readonly<Record<number, string>> = Object.fromEntries(
  [
    'operation succeeded', 'failed', 'bad UTF-8 string', 'socket connect failed', 'socket create failed',
    'socket close failed', 'message receive failed', 'network open failed', 'network close failed',
    'network not opened', 'client index error', 'no connection', 'invalid parameter', 'operation not supported',
    'client is busy', 'require connection failed', 'socket sending failed', 'timeout', 'topic is empty',
    'client is used', 'client not acquired', 'client not released', 'length out of range', 'network is opened',
    'packet failed', 'DNS error', 'socket is closed by server', 'connection refused: unaccepted protocol version',
    'connection refused: identifier rejected', 'connection refused: server unavailable',
    'connection refused: bad user name or password', 'connection refused: not authorized', 'handshake failed',
    'not set certificate', 'open session failed', 'disconnect from server failed',
  ].map((text, code) => [code, text]),
)

/** What each `+CMQTTCONNLOST` cause means. */
export const CONNLOST_CAUSE_TEXTS: Readonly<Record<number, string>> = {
  1: 'socket closed passively (by the server)',
  2: 'socket reset',
  3: 'network closed',
}
