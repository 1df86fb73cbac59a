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
  const messages = sortByTime(record.broker.messages)
  const lines: BrokerLineView[] = []
  for (let i = findFirstAtOrAfter(messages, step.startedAtMs); i < messages.length; i++) {
    const message = messages[i] as RecordedBrokerMessage
    if (message.atMs > endMs) break
    lines.push({ kind: 'broker', text: describeBrokerMessage(message) })
  }
  return lines
}

// A long run has a broker message or more per step: each step's window is found by bisection in the messages
// sorted once per record, instead of a pass over all of them per step.
const sortedMessages = new WeakMap<readonly RecordedBrokerMessage[], readonly RecordedBrokerMessage[]>()

function sortByTime(messages: readonly RecordedBrokerMessage[]): readonly RecordedBrokerMessage[] {
  let sorted = sortedMessages.get(messages)
  if (sorted === undefined) {
    sorted = [...messages].sort((a, b) => a.atMs - b.atMs)
    sortedMessages.set(messages, sorted)
  }
  return sorted
}

function findFirstAtOrAfter(messages: readonly RecordedBrokerMessage[], atMs: number): number {
  let low = 0
  let high = messages.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((messages[middle] as RecordedBrokerMessage).atMs < atMs) low = middle + 1
    else high = middle
  }
  return low
}

/** `broker: topic t, payload "p", qos 1, retain false` (and `will, ` first for a will). */
export function describeBrokerMessage(message: RecordedBrokerMessage): string {
  const payload = escapeBytes(Buffer.from(message.payload, 'base64'))
  return `broker: ${message.isWill ? 'will, ' : ''}topic ${message.topic}, payload "${payload}", qos ${message.qos}, retain ${String(message.retain)}`
}
