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
