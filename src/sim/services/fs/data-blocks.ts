/**
 * Bytes sent to the host as `<name>: DATA,<len>` blocks, each header a line and the bytes right after it, then
 * `<name>: <code>`: how AT+CFTRANTX answers inline and how AT+CFTPSGET / AT+CFTPSLIST report after OK.
 */
import type { Reply } from '../../reply.js'

/** The blocks and the closing line as one run of bytes: `\r\n<name>: DATA,<n>\r\n<bytes>...\r\n<name>: <code>\r\n`. */
export function encodeDataBlocks(name: string, bytes: Buffer, blockBytes: number, code = 0): Buffer {
  const parts: Buffer[] = []
  for (let at = 0; at < bytes.length; at += blockBytes) {
    const block = bytes.subarray(at, at + blockBytes)
    parts.push(Buffer.from(`\r\n${name}: DATA,${block.length}\r\n`, 'latin1'), block)
  }
  parts.push(Buffer.from(`\r\n${name}: ${code}\r\n`, 'latin1'))
  return Buffer.concat(parts)
}

/**
 * The same as an inline answer before `OK`: the first header is the response line, the rest rides as its payload
 * (the reply encoder adds the CRLF after the payload and the final result code).
 */
export function replyDataBlocks(name: string, bytes: Buffer, blockBytes: number): Reply {
  if (bytes.length === 0) return { kind: 'done', lines: [`${name}: 0`], final: { kind: 'ok' } }
  const encoded = encodeDataBlocks(name, bytes, blockBytes)
  // Drop the leading CRLF of the first header (the encoder frames the line) and the trailing CRLF of the last line.
  const text = encoded.subarray(2, encoded.length - 2)
  const headerEnd = text.indexOf('\r\n')
  return {
    kind: 'done',
    lines: [text.subarray(0, headerEnd).toString('latin1')],
    final: { kind: 'ok' },
    payload: Buffer.from(text.subarray(headerEnd + 2)),
  }
}
