/** What the run's broker received during a step, as lines of the step's Received column. */
import type { RecordedBrokerMessage, RunRecord, StepResult } from '../../model/run-record.js'
import { escapeBytes } from '../../record/transcript-text.js'

/** A line the Received column shows for one broker message. */
export interface BrokerLineView {
  kind: 'broker'
  text: string
}

/**
 * The broker messages that arrived within the step's window (its start to its end, on the run's clock), each with
 * every property a broker check can hold it to, so a message that differs only in QoS or retain reads as such.
 */
export function listBrokerLines(
  record: Pick<RunRecord, 'broker'>,
  step: Pick<StepResult, 'status' | 'startedAtMs' | 'durationMs'>,
): BrokerLineView[] {
  if (step.status === 'skipped' || record.broker === undefined) return []
  const endMs = step.startedAtMs + step.durationMs
  return record.broker.messages
    .filter(message => message.atMs >= step.startedAtMs && message.atMs <= endMs)
    .map(message => ({ kind: 'broker', text: describeBrokerMessage(message) }))
}

/** `broker: topic t, payload "p", qos 1, retain false` (and `will, ` first for a will). */
export function describeBrokerMessage(message: RecordedBrokerMessage): string {
  const payload = escapeBytes(Buffer.from(message.payload, 'base64'))
  return `broker: ${message.isWill ? 'will, ' : ''}topic ${message.topic}, payload "${payload}", qos ${message.qos}, retain ${String(message.retain)}`
}
