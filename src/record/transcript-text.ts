/** Plain-text rendering of transcript entries, as streamed to `<report>.transcript.txt`. */
import type { TranscriptEntry } from './run-record.js'

const NAMED_ESCAPES: Record<number, string> = { 0x0d: '\\r', 0x0a: '\\n', 0x09: '\\t', 0x1a: '<CTRL-Z>', 0x1b: '<ESC>', 0x5c: '\\\\' }

/** Shows bytes as readable text: printable characters as they are, CR/LF as `\r`/`\n`, other control bytes as `\xNN`. */
export function escapeBytes(bytes: Buffer): string {
  const text = bytes.toString('utf8')
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    const named = NAMED_ESCAPES[code]
    if (named !== undefined) out += named
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`
    else if (code === 0xfffd) out += '\\x??'
    else out += char
  }
  return out
}

/** One line per entry: time since start, direction, escaped text. */
export function formatTranscriptLine(entry: TranscriptEntry): string {
  const time = `+${(entry.atMs / 1000).toFixed(3).padStart(9)}s`
  if (entry.dir === 'note') return `${time} --  ${entry.data}`
  return `${time} ${entry.dir}  ${escapeBytes(Buffer.from(entry.data, 'base64'))}`
}
