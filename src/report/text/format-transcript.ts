/**
 * Readable forms of transcript entries, shared by every report: a step's slice of
 * the run transcript, bytes as escaped text and as hex, times since the run started.
 */
import type { RunRecord, StepResult, TranscriptEntry } from '../../record/run-record.js'

/** One transcript entry as reports show it. */
export interface TranscriptLine {
  /** Seconds since the run started with millisecond precision, e.g. `+12.345`. */
  time: string
  dir: TranscriptEntry['dir']
  /** Bytes as text (CR/LF as `\r`/`\n`, other control bytes as `\xNN`), or the note itself. */
  text: string
  /** Bytes as space-separated hex pairs; empty for notes. */
  hex: string
}

const NAMED_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x0d, '\\r'], [0x0a, '\\n'], [0x09, '\\t'], [0x1a, '<CTRL-Z>'], [0x1b, '<ESC>'], [0x5c, '\\\\'],
])

const HEX_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

/** Returns the entries of the run transcript that belong to a step (its `[from, to)` range, clamped). */
export function sliceStepTranscript(record: RunRecord, step: StepResult): TranscriptEntry[] {
  const from = Math.max(0, step.transcript.from)
  const to = Math.min(record.transcript.length, step.transcript.to)
  return to > from ? record.transcript.slice(from, to) : []
}

/** Shows bytes as text: printable characters as they are, CR/LF/TAB as `\r`/`\n`/`\t`, other control bytes as `\xNN`. */
export function formatBytesAsText(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  let out = ''
  for (const char of text) out += escapeChar(char)
  return out
}

function escapeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0
  const named = NAMED_ESCAPES.get(code)
  if (named !== undefined) return named
  if (code < 0x20 || code === 0x7f) return `\\x${HEX_PAIRS[code]}`
  // An invalid UTF-8 sequence decodes to U+FFFD; the hex column shows the real bytes.
  if (code === 0xfffd) return '\\x??'
  return char
}

/** Shows bytes as lowercase hex pairs separated by spaces: `41 54 0d`. */
export function formatBytesAsHex(bytes: Uint8Array): string {
  const pairs = new Array<string>(bytes.length)
  for (let i = 0; i < bytes.length; i++) pairs[i] = HEX_PAIRS[bytes[i] ?? 0] ?? '??'
  return pairs.join(' ')
}

/** Formats milliseconds since the run started as `+S.mmm` (seconds). */
export function formatElapsedMs(atMs: number): string {
  return `+${(Math.max(0, atMs) / 1000).toFixed(3)}`
}

/** Turns one transcript entry into its time, direction, text and hex. */
export function formatTranscriptEntry(entry: TranscriptEntry): TranscriptLine {
  const time = formatElapsedMs(entry.atMs)
  if (entry.dir === 'note') return { time, dir: 'note', text: entry.data, hex: '' }
  const bytes = Buffer.from(entry.data, 'base64')
  return { time, dir: entry.dir, text: formatBytesAsText(bytes), hex: formatBytesAsHex(bytes) }
}

/** One plain-text line per entry (`+1.234 rx \r\nOK\r\n`), for reports without markup. */
export function formatTranscriptAsText(entries: readonly TranscriptEntry[]): string {
  return entries.map(formatTranscriptEntry).map(line => `${line.time} ${line.dir.padEnd(4)} ${line.text}`).join('\n')
}
