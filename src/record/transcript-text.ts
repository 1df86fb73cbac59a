/** Plain-text rendering of transcript entries, as streamed to `<report>.transcript.txt`. */
import type { TranscriptEntry } from '../model/run-record.js'

const NAMED_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x0d, '\\r'],
  [0x0a, '\\n'],
  [0x09, '\\t'],
  [0x1a, '<CTRL-Z>'],
  [0x1b, '<ESC>'],
  [0x5c, '\\\\'],
])

/**
 * Shows bytes as readable text: printable characters as they are, CR/LF/TAB as `\r`/`\n`/`\t`, Ctrl-Z and
 * ESC by name, other control bytes as `\xNN`, and bytes that are not UTF-8 as `\x??`. The one form every
 * transcript takes, streamed or in a report.
 */
export function escapeBytes(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  return text.replace(ESCAPED, escapeChar)
}

// Every character escapeChar changes is one UTF-16 unit (decoded UTF-8 has no lone surrogates), so one scan finds them.
const ESCAPED = /[\x00-\x1f\x7f\\\ufffd]/g

function escapeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0
  const named = NAMED_ESCAPES.get(code)
  if (named !== undefined) return named
  // An invalid UTF-8 sequence decodes to U+FFFD; a hex view shows the real bytes. The rest ESCAPED finds are controls.
  if (code === 0xfffd) return '\\x??'
  return `\\x${code.toString(16).padStart(2, '0')}`
}

/** One line per entry: time since start, direction, escaped text. */
export function formatTranscriptLine(entry: TranscriptEntry): string {
  const time = `+${(entry.atMs / 1000).toFixed(3).padStart(9)}s`
  if (entry.dir === 'note') return `${time} --  ${entry.data}`
  return `${time} ${entry.dir}  ${escapeBytes(Buffer.from(entry.data, 'base64'))}`
}
