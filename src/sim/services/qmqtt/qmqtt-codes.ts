/** The `<err_code>` of `+QMTSTAT: <idx>,<err_code>` (MQTT application note; five public drivers copy the same table). */
export const QMTSTAT = {
  /** The connection was closed or reset by the peer. */
  closedByPeer: 1,
  /** Sending PINGREQ timed out or failed. */
  pingFailed: 2,
  /** Receiving CONNACK timed out or failed. */
  connackFailed: 4,
  /** The link is not alive or the server is unavailable. */
  linkNotAlive: 7,
} as const
