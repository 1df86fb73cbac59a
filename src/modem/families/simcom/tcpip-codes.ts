/**
 * The SIMCom TCP/IP result codes (A76XX TCP/IP application note, appendix 4.1 and 4.2): the `<err>` of
 * `+NETOPEN`, `+NETCLOSE`, `+CIPOPEN`, `+CIPSEND`, `+CIPCLOSE`; the `+IP ERROR: <err_info>` texts; the
 * `+IPCLOSE` reasons.
 */

/** `<err>` of the socket-service result lines and URCs. */
export const TCPIP_ERR = {
  ok: 0,
  networkFailure: 1,
  networkNotOpened: 2,
  wrongParameter: 3,
  notSupported: 4,
  socketCreateFailed: 5,
  bindFailed: 6,
  serverListening: 7,
  busy: 8,
  socketsOpened: 9,
  timeout: 10,
  dnsFailed: 11,
  unknown: 12,
} as const

export const TCPIP_ERR_TEXTS: Readonly<Record<number, string>> = Object.fromEntries(
  [
    'operation succeeded',
    'network failure',
    'network not opened',
    'wrong parameter',
    'operation not supported',
    'failed to create socket',
    'failed to bind socket',
    'TCP server is already listening',
    'busy',
    'sockets opened',
    'timeout',
    'DNS parse failed for AT+CIPOPEN',
    'unknown error',
  ].map((text, code) => [code, text]),
)

/** `<err_info>` of `+IP ERROR:` (shown as text, the default of AT+CIPCCFG's errMode). */
export const IP_ERROR = {
  connectionTimeout: 0,
  connectionAlreadyCreated: 10,
  networkAlreadyOpened: 4,
  networkAlreadyClosed: 5,
  networkNotOpened: 8,
  connectionNotCreated: 11,
  invalidParameter: 12,
  operationNotSupported: 13,
  noData: 22,
} as const

export const IP_ERROR_TEXTS: readonly string[] = [
  'Connection time out',
  'Bind port failed',
  'Port overflow',
  'Create socket failed',
  'Network is already opened',
  'Network is already closed',
  'No clients connected',
  'No active client',
  'Network not opened',
  'Client index overflow',
  'Connection is already created',
  'Connection is not created',
  'Invalid parameter',
  'Operation not supported',
  'DNS query failed',
  'TCP busy',
  'Net close failed for socket opened',
  'Sending time out',
  'Sending failure for network error',
  'Open failure for network error',
  'Server is already listening',
  'Operation failed',
  'No data',
]

/** `<close_reason>` of `+IPCLOSE: <link>,<reason>`. */
export const IPCLOSE_REASON = {
  local: 0,
  remote: 1,
  sendTimeout: 2,
} as const

export const IPCLOSE_REASON_TEXTS: Readonly<Record<number, string>> = {
  0: 'closed by local, active',
  1: 'closed by remote, passive',
  2: 'closed for sending timeout or DTR off',
}
