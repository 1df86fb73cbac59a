import { formatDisplayDuration } from '../../model/display-duration.js'
import type { MessageMatch, ObservedMessage, WaitForOptions } from '../../model/broker-link.js'

export type { MessageMatch, ObservedMessage, WaitForOptions } from '../../model/broker-link.js'

export type MessageListener = (message: ObservedMessage) => void

/** What reached a broker, kept in order, with a way to wait for the next matching message. */
export interface BrokerObserver {
  /** A copy of the messages observed so far, oldest first (at most the history limit). */
  messages(): ObservedMessage[]
  /** Resolves with the first already observed (at or after `since`) or future message that `match` accepts. */
  waitFor(match: MessageMatch, opts: WaitForOptions): Promise<ObservedMessage>
  on(event: 'message', listener: MessageListener): void
  off(event: 'message', listener: MessageListener): void
}

/** Why `waitFor` gave up: `timeout` (nothing matched in time) or `aborted` (the signal fired). */
export class BrokerWaitError extends Error {
  readonly code: 'timeout' | 'aborted'
  constructor(code: 'timeout' | 'aborted', message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'BrokerWaitError'
    this.code = code
  }
}

/** The observer together with the one function a broker calls to feed it. */
export interface ObserverFeed {
  observer: BrokerObserver
  record(message: ObservedMessage): void
}

/** Default number of messages kept for `messages()` and for `waitFor` to look back on. */
export const DEFAULT_HISTORY_LIMIT = 10_000

/** Creates an observer that keeps the last `historyLimit` messages (default 10 000) and notifies listeners. */
export function createBrokerObserver(opts: { historyLimit?: number } = {}): ObserverFeed {
  const historyLimit = opts.historyLimit ?? DEFAULT_HISTORY_LIMIT
  const history: ObservedMessage[] = []
  const listeners = new Set<MessageListener>()
  const record = (message: ObservedMessage): void => {
    history.push(message)
    if (history.length > historyLimit) history.splice(0, history.length - historyLimit)
    for (const listener of [...listeners]) listener(message)
  }
  const observer: BrokerObserver = {
    messages: () => [...history],
    waitFor: (match, waitOpts) => waitForMessage(history, listeners, match, waitOpts),
    on: (_event, listener) => {
      listeners.add(listener)
    },
    off: (_event, listener) => {
      listeners.delete(listener)
    },
  }
  return { observer, record }
}

function findObserved(history: readonly ObservedMessage[], match: MessageMatch, since: number): ObservedMessage | undefined {
  return history.find(message => message.atMs >= since && match(message))
}

function waitForMessage(
  history: readonly ObservedMessage[],
  listeners: Set<MessageListener>,
  match: MessageMatch,
  opts: WaitForOptions,
): Promise<ObservedMessage> {
  const since = opts.since ?? 0
  const found = findObserved(history, match, since)
  if (found !== undefined) return Promise.resolve(found)
  if (opts.signal?.aborted) return Promise.reject(describeAbort(opts.signal))
  return new Promise((resolve, reject) => {
    const finish = (outcome: { message: ObservedMessage } | { error: BrokerWaitError }): void => {
      clearTimeout(timer)
      listeners.delete(onMessage)
      opts.signal?.removeEventListener('abort', onAbort)
      if ('message' in outcome) resolve(outcome.message)
      else reject(outcome.error)
    }
    const onMessage: MessageListener = message => {
      if (message.atMs >= since && match(message)) finish({ message })
    }
    const onAbort = (): void => finish({ error: describeAbort(opts.signal) })
    const timer = setTimeout(() => finish({ error: describeTimeout(history, opts.timeoutMs, since) }), opts.timeoutMs)
    listeners.add(onMessage)
    opts.signal?.addEventListener('abort', onAbort, { once: true })
  })
}

function describeTimeout(history: readonly ObservedMessage[], timeoutMs: number, since: number): BrokerWaitError {
  const seen = history.filter(message => message.atMs >= since)
  const topics = [...new Set(seen.map(message => message.topic))].slice(0, 5)
  const hint = seen.length === 0 ? 'no message reached the broker' : `${seen.length} other message(s) reached it, on ${topics.join(', ')}`
  return new BrokerWaitError('timeout', `no matching message reached the broker within ${formatDisplayDuration(timeoutMs)} (${hint})`)
}

function describeAbort(signal: AbortSignal | undefined): BrokerWaitError {
  return new BrokerWaitError('aborted', 'waiting for a message at the broker was aborted', { cause: signal?.reason })
}
