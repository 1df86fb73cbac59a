/**
 * The broker side of a `replay://` run. A replay has no broker: `broker:` checks are judged on what the
 * recorded run's broker received in the same step's window (kept in the record's `broker.messages`), at once
 * and without waiting, since nothing new can arrive. A `publish` step publishes nothing: the URCs it caused
 * are part of the recording and come back at their recorded offsets.
 */
import type { BrokerLink, BrokerWait, MessageMatch, ObservedMessage } from '../model/broker-link.js'
import type { RecordedBrokerMessage } from '../model/run-record.js'
import type { ReplayTransport } from '../transport/replay-transport.js'

/** The broker link of a replay, or undefined when the recording kept no broker messages (then broker steps error as with no broker). */
export function createReplayBrokerLink(transport: ReplayTransport): BrokerLink | undefined {
  if (transport.recordedBrokerMessages() === undefined) return undefined
  const observed = (): ObservedMessage[] => (transport.recordedBrokerMessages() ?? []).map(toObservedMessage)
  return { waitFor: async match => findRecorded(observed(), match, transport), publish: async () => undefined }
}

/** A recording never grows: what is not in it now will never arrive, so the answer is immediate. */
function findRecorded(messages: ObservedMessage[], match: MessageMatch, transport: ReplayTransport): BrokerWait {
  const found = messages.find(match)
  if (found !== undefined) return { outcome: 'received', message: found }
  const where = transport.lastExchange()?.label ?? 'the start'
  const seen = messages.length === 0 ? 'it received nothing there' : `it received ${messages.map(m => m.topic).join(', ')}`
  return { outcome: 'timeout', reason: `the recording's broker received no such message around ${where} (${seen})` }
}

function toObservedMessage(message: RecordedBrokerMessage): ObservedMessage {
  return {
    topic: message.topic,
    payload: Buffer.from(message.payload, 'base64'),
    qos: message.qos,
    retain: message.retain,
    isWill: message.isWill,
    atMs: message.atMs,
  }
}
