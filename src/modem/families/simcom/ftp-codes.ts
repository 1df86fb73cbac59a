/**
 * The `<errcode>` of the SIMCom FTP(S) result URCs (`+CFTPSLOGIN: <errcode>`, `+CFTPSGET: <errcode>`...): the
 * module's own codes 0..10, and the FTP server's reply code (RFC 959) passed on as it is when the server refused.
 */
export const FTPS_ERR = {
  ok: 0,
  sslAlert: 1,
  unknown: 2,
  busy: 3,
  closedByServer: 4,
  timeout: 5,
  transferFailed: 6,
  memoryError: 7,
  invalidParameter: 8,
  rejectedByServer: 9,
  networkError: 10,
} as const

/** What each module code means, and the server reply codes a module passes on. */
export const FTPS_ERR_TEXTS: Readonly<Record<number, string>> = {
  0: 'success',
  1: 'SSL alert',
  2: 'unknown error',
  3: 'busy',
  4: 'connection closed by server',
  5: 'timeout',
  6: 'transfer failed',
  7: 'memory error',
  8: 'invalid parameter',
  9: 'operation rejected by server',
  10: 'network error',
  421: 'server: service not available, closing control connection',
  425: "server: can't open data connection",
  426: 'server: connection closed, transfer aborted',
  450: 'server: file unavailable (busy)',
  451: 'server: action aborted, local error',
  452: 'server: insufficient storage',
  500: 'server: syntax error, command unrecognized',
  501: 'server: syntax error in parameters',
  502: 'server: command not implemented',
  503: 'server: bad sequence of commands',
  504: 'server: command not implemented for that parameter',
  530: 'server: not logged in',
  532: 'server: need account for storing files',
  550: 'server: file unavailable (not found, no access)',
  551: 'server: page type unknown',
  552: 'server: exceeded storage allocation',
  553: 'server: file name not allowed',
}

/** `+CFTPSxxx: <errcode>` lines that report one operation's outcome. */
export const FTPS_RESULT_LINES: readonly string[] = [
  '+CFTPSSTART',
  '+CFTPSSTOP',
  '+CFTPSLOGIN',
  '+CFTPSLOGOUT',
  '+CFTPSMKD',
  '+CFTPSRMD',
  '+CFTPSDELE',
  '+CFTPSCWD',
  '+CFTPSGETFILE',
  '+CFTPSPUTFILE',
  '+CFTPSPUT',
  '+CFTPSABORT',
]
