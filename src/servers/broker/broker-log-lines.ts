import type { ObservedMessage } from './broker-observer.js'
import type { EmbeddedBroker } from './embedded-broker.js'

/** Longest payload shown in a message line, in characters (or bytes for hex). */
const PAYLOAD_PREVIEW_CHARS = 80

/** One line per listener, with the URL a client connects to, e.g. `mqtts://127.0.0.1:8883 (TLS)`. */
export function formatListenerLines(broker: Pick<EmbeddedBroker, 'host' | 'tcpPort' | 'tlsPort' | 'mtlsPort'>): string[] {
  const host = broker.host.includes(':') ? `[${broker.host}]` : broker.host
  const lines = [`mqtt://${host}:${broker.tcpPort} (TCP)`, `mqtts://${host}:${broker.tlsPort} (TLS)`]
  if (broker.mtlsPort !== undefined) lines.push(`mqtts://${host}:${broker.mtlsPort} (TLS, client certificate required)`)
  return lines
}

/** A published message in one line: time, client, topic, QoS, retain, will, length and a payload preview. */
export function formatMessageLine(message: ObservedMessage): string {
  const fields = [
    new Date(message.atMs).toISOString(),
    `client=${message.clientId ?? '-'}`,
    `topic=${JSON.stringify(message.topic)}`,
    `qos=${message.qos}`,
    `retain=${message.retain ? 1 : 0}`,
    ...(message.isWill ? ['will'] : []),
    `len=${message.payload.length}`,
    previewPayload(message.payload),
  ]
  return fields.join(' ')
}

function previewPayload(payload: Buffer): string {
  const shown = payload.subarray(0, PAYLOAD_PREVIEW_CHARS)
  const more = payload.length > shown.length ? '…' : ''
  return isPrintable(shown) ? `payload=${JSON.stringify(shown.toString('latin1'))}${more}` : `hex=${shown.toString('hex')}${more}`
}

function isPrintable(bytes: Buffer): boolean {
  return bytes.every(byte => byte >= 0x20 && byte < 0x7f)
}
