/**
 * What the framer needs to know of a modem family: its prompt, its line bound and how each URC announces a payload
 * (a length before the bytes, the next line, or bytes inside the line).
 */
import type { FramerSettings } from './at-framer.js'
import type { ChatProfile } from '../modem/chat-profile.js'
import { hasInLinePayloads, isPayloadLineAnnounced, readInLinePayloadLength, readPayloadLength } from '../modem/urc-rule.js'

/** The framer settings for a profile; `maxLineBytes` bounds one line. */
export function describeFramerSettings(profile: ChatProfile, maxLineBytes: number): FramerSettings {
  return {
    prompt: profile.prompt,
    payloadLengthOf: line => readPayloadLength(line, profile.urcs, profile.maxPayloadBytes),
    isPayloadLineAnnounced: line => isPayloadLineAnnounced(line, profile.urcs),
    maxLineBytes,
    // only profiles with URCs that carry an in-line payload (Quectel's `+QMTRECV` with a length) pay for the scan
    ...(hasInLinePayloads(profile.urcs)
      ? { inLinePayloadLengthOf: (line: string) => readInLinePayloadLength(line, profile.urcs, profile.maxPayloadBytes) }
      : {}),
  }
}
