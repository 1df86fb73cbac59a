/**
 * The server side of a run as the executor sees it: wait for what the broker received, publish to the modem.
 * The app layer adapts the embedded broker, a user's broker or a recording to it, so the executor never
 * knows which broker, if any real one, stands behind it.
 */

/** One PUBLISH as it reached a broker: from a client, from atseq itself, or a will the broker sent for a client. */
export interface ObservedMessage {
  topic: string
  payload: Buffer
  qos: 0 | 1 | 2
  retain: boolean
  /** The publishing client's ID; absent when the broker or an observer published it, or the broker does not tell. */
  clientId?: string
  /** True when the broker published a client's will (last-will) because the client went away uncleanly. */
  isWill: boolean
  /** When it was observed, `Date.now()` milliseconds. */
  atMs: number
}

/** Predicate choosing the message a wait is for. */
export type MessageMatch = (message: ObservedMessage) => boolean

export interface WaitForOptions {
  /** How long to wait for a match, in milliseconds. */
  timeoutMs: number
  signal?: AbortSignal
  /** Consider only messages with `atMs >= since` (`Date.now()` ms); default 0, i.e. everything observed so far. */
  since?: number
}

/**
 * How a wait for a broker message ended: received, or why not (`reason` is a sentence): nothing matched in
 * time, the run's signal fired, or the broker link failed.
 */
export type BrokerWait = { outcome: 'received'; message: ObservedMessage } | { outcome: 'timeout' | 'aborted' | 'failed'; reason: string }

/** A message the run publishes through the broker to the modem. */
export interface PublishedMessage {
  topic: string
  payload: string | Buffer
  qos?: 0 | 1 | 2
  retain?: boolean
}

/** The server side a sequence can publish through and assert on. */
export interface BrokerLink {
  /** Resolves with the first message `match` accepts (already received at or after `since`, or still to come). */
  waitFor(match: MessageMatch, options: WaitForOptions): Promise<BrokerWait>
  publish(message: PublishedMessage): Promise<void>
}
