/**
 * Why a transport could not be opened or used, as data: a stable code, the device URL and a hint.
 */

export type TransportErrorCode =
  | 'bad-device-url'
  | 'port-not-found'
  | 'port-busy'
  | 'permission-denied'
  | 'connection-refused'
  | 'host-not-found'
  | 'connect-timeout'
  | 'unknown-sim-profile'
  | 'not-open'
  | 'open-failed'

/** Thrown when atseq cannot reach the modem at all; `code` is stable, `hint` says what to do about it. */
export class TransportError extends Error {
  readonly code: TransportErrorCode
  readonly url: string
  readonly hint: string | undefined

  constructor(code: TransportErrorCode, url: string, message: string, details: { hint?: string; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'TransportError'
    this.code = code
    this.url = url
    this.hint = details.hint
  }
}

/** Whether a value is a TransportError (of a given code, when one is passed). */
export function isTransportError(value: unknown, code?: TransportErrorCode): value is TransportError {
  return value instanceof TransportError && (code === undefined || value.code === code)
}
