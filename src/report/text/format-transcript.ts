/**
 * Readable forms of transcript entries, shared by every report: a step's slice of
 * the run transcript, bytes as escaped text and as hex, times since the run started.
 */
import type { RunRecord, StepResult, TranscriptEntry } from '../../model/run-record.js'
import { escapeBytes } from '../../record/transcript-text.js'

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

const HEX_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

/** The step's `[from, to)` range of the run transcript, clamped to it; empty when `to <= from`. */
export function stepTranscriptRange(record: RunRecord, step: StepResult): { from: number; to: number } {
  const from = Math.max(0, step.transcript.from)
  return { from, to: Math.max(from, Math.min(record.transcript.length, step.transcript.to)) }
}

/** Returns the entries of the run transcript that belong to a step (its `[from, to)` range, clamped). */
export function sliceStepTranscript(record: RunRecord, step: StepResult): TranscriptEntry[] {
  const { from, to } = stepTranscriptRange(record, step)
  return record.transcript.slice(from, to)
}

/** Shows bytes as text, in the transcript's one escaped form (see `escapeBytes`). */
export const formatBytesAsText: (bytes: Uint8Array) => string = escapeBytes

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
  return entries
    .map(formatTranscriptEntry)
    .map(line => `${line.time} ${line.dir.padEnd(4)} ${line.text}`)
    .join('\n')
}
