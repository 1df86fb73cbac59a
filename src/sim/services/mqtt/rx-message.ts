/** The bytes of one received PUBLISH as the modem prints it: RXSTART, topic and payload in chunks, RXEND. */

/**
 * Encodes `+CMQTTRXSTART: idx,topicLen,payloadLen`, `+CMQTTRXTOPIC: idx,n` + n bytes (repeated per chunk),
 * `+CMQTTRXPAYLOAD: idx,n` + n bytes (repeated; none for an empty payload) and `+CMQTTRXEND: idx`.
 * Each header is framed `\r\n<text>\r\n` and its raw bytes follow at once; with `dataCrlf` a `\r\n` ends them.
 */
export function encodeRxMessage(idx: number, topic: Buffer, payload: Buffer, chunkBytes: number, dataCrlf: boolean): Buffer {
  const end = dataCrlf ? [CRLF] : []
  const parts: Buffer[] = [line(`+CMQTTRXSTART: ${idx},${topic.length},${payload.length}`)]
  for (const chunk of splitChunks(topic, chunkBytes)) parts.push(line(`+CMQTTRXTOPIC: ${idx},${chunk.length}`), chunk, ...end)
  for (const chunk of splitChunks(payload, chunkBytes)) parts.push(line(`+CMQTTRXPAYLOAD: ${idx},${chunk.length}`), chunk, ...end)
  parts.push(line(`+CMQTTRXEND: ${idx}`))
  return Buffer.concat(parts)
}

const CRLF = Buffer.from('\r\n')

function line(text: string): Buffer {
  return Buffer.from(`\r\n${text}\r\n`)
}

function splitChunks(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = []
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size))
  return chunks
}
