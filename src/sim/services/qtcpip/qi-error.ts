/**
 * TCP/IP result codes of `+QIOPEN: <id>,<err>` and AT+QIGETERROR (Quectel TCP/IP AT manual, the 55x family).
 * The project's notes give these from memory of the manual, not re-verified: see docs/quectel-reference-notes.md.
 */
export const QI_ERR = {
  ok: 0,
  invalidParameters: 552,
  pdpOpenFailed: 561,
  socketIdUsed: 563,
  dnsFailed: 565,
  connectFailed: 566,
  socketClosed: 567,
} as const

/** AT+QIGETERROR's description of each code. */
export const QI_ERR_TEXT: Readonly<Record<number, string>> = {
  0: 'operation successfully',
  552: 'invalid parameters',
  561: 'open PDP context failed',
  563: 'socket identity has been used',
  565: 'DNS parse failed',
  566: 'socket connect failed',
  567: 'socket has been closed',
}
