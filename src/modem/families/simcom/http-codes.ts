/**
 * The SIMCom HTTP(S) result codes (A76XX / SIM7600 HTTP(S) chapter): the `<errcode>` the module puts where
 * `+HTTPACTION: <method>,<statuscode>,<datalen>` carries the server's status when the request never got an answer,
 * and the methods AT+HTTPACTION numbers.
 */

/** `<errcode>` values (701..719); a real HTTP status is 100..599. */
export const HTTP_ERR = {
  alertState: 701,
  unknown: 702,
  busy: 703,
  connectionClosed: 704,
  timeout: 705,
  socketDataFailed: 706,
  memoryError: 707,
  invalidParameter: 708,
  networkError: 709,
  sslSessionFailed: 710,
  wrongState: 711,
  socketCreateFailed: 712,
  dnsFailed: 713,
  connectFailed: 714,
  handshakeFailed: 715,
  socketCloseFailed: 716,
  noNetwork: 717,
  sendTimeout: 718,
  caMissed: 719,
} as const

/** What each `<errcode>` means, as the manual's table words it. */
export const HTTP_ERR_TEXTS: Readonly<Record<number, string>> = Object.fromEntries(
  [
    'alert state',
    'unknown error',
    'busy',
    'connection closed error',
    'timeout',
    'receive/send socket data failed',
    'file not exists or other memory error',
    'invalid parameter',
    'network error',
    'start a new SSL session failed',
    'wrong state',
    'failed to create socket',
    'get DNS failed',
    'connect socket failed',
    'handshake failed',
    'close socket failed',
    'no network error',
    'send data timeout',
    'CA missed',
  ].map((text, index) => [HTTP_ERR.alertState + index, text]),
)

/** The `<method>` of AT+HTTPACTION and of its result line. */
export const HTTP_METHODS: readonly string[] = ['GET', 'POST', 'HEAD', 'DELETE', 'PUT']

/** What the `<statuscode>` of `+HTTPACTION` means: the HTTP statuses a test meets most, then the module's own codes. */
export const HTTP_STATUS_TEXTS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'created',
  204: 'no content',
  301: 'moved permanently',
  302: 'found (redirect)',
  304: 'not modified',
  307: 'temporary redirect',
  308: 'permanent redirect',
  400: 'bad request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  408: 'request timeout',
  413: 'payload too large',
  500: 'internal server error',
  502: 'bad gateway',
  503: 'service unavailable',
  504: 'gateway timeout',
  ...HTTP_ERR_TEXTS,
}
