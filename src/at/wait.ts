/**
 * One wait with a timeout and an AbortSignal that ends exactly once, through `finish`,
 * which clears the timer and the abort listener before anything else happens.
 */
import { formatDisplayDuration } from '../model/display-duration.js'

export interface Wait<R> {
  readonly promise: Promise<R>
  /** Ends the wait with `result`; later calls do nothing. Returns whether this call ended it. */
  finish(result: R): boolean
  readonly isDone: boolean
}

export interface WaitSettings<R> {
  timeoutMs: number
  signal?: AbortSignal
  onTimeout: () => R
  onCancel: () => R
  /** Runs once when the wait ends, however it ends (unregisters the wait from its owner). */
  cleanup: () => void
}

/** Starts a wait; if the signal is already aborted the wait ends at once with `onCancel()`. */
export function startWait<R>(settings: WaitSettings<R>): Wait<R> {
  let resolve!: (result: R) => void
  const promise = new Promise<R>(res => {
    resolve = res
  })
  let done = false
  const pending: { timer?: NodeJS.Timeout } = {}
  const onAbort = (): void => {
    finish(settings.onCancel())
  }
  function finish(result: R): boolean {
    if (done) return false
    done = true
    clearTimeout(pending.timer)
    settings.signal?.removeEventListener('abort', onAbort)
    settings.cleanup()
    resolve(result)
    return true
  }
  const wait: Wait<R> = {
    promise,
    finish,
    get isDone() {
      return done
    },
  }
  if (settings.signal?.aborted === true) {
    finish(settings.onCancel())
    return wait
  }
  settings.signal?.addEventListener('abort', onAbort)
  pending.timer = setTimeout(() => finish(settings.onTimeout()), Math.max(0, settings.timeoutMs))
  return wait
}

/** `cancelled: <reason>` from an aborted signal's reason, for a wait's cause. */
export function describeAbortReason(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason
  if (reason instanceof Error) return `cancelled: ${reason.message}`
  return reason === undefined ? 'cancelled' : `cancelled: ${String(reason)}`
}

/** The message of a thrown value, for a cause. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** `no final result code within 30.0 s`: what a timed-out wait says, its window in the one display form. */
export function describeTimeout(nothing: string, timeoutMs: number): string {
  return `${nothing} within ${formatDisplayDuration(timeoutMs)}`
}
