/**
 * The `--script` file of `atseq record`: one command per line; `>text` is data typed at a `>` prompt
 * (ended by `<ctrl-z>` or `<esc>` when written at its end, else sent as is); `wait 2s` listens for URCs;
 * blank lines and `# comments` are skipped.
 */
import { isDuration, parseDuration } from '../sequence/duration.js'
import type { DataEnd } from '../model/sequence.js'

export type ScriptItem =
  | { kind: 'command'; text: string; line: number }
  | { kind: 'data'; text: string; end: DataEnd; line: number }
  | { kind: 'wait'; durationMs: number; line: number }

/** A line of the script atseq cannot use, with its 1-based number. */
export interface ScriptProblem {
  code: 'bad-wait' | 'not-a-command'
  line: number
  message: string
}

/** Reads a script; problems are collected, not thrown. */
export function parseCaptureScript(text: string): { items: ScriptItem[]; problems: ScriptProblem[] } {
  const items: ScriptItem[] = []
  const problems: ScriptProblem[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1
    const trimmed = raw.trim()
    if (trimmed === '' || trimmed.startsWith('#')) return
    if (raw.startsWith('>')) return items.push(readData(raw.slice(1), line))
    const wait = /^wait\s+(\S+)$/i.exec(trimmed)
    if (wait) {
      if (isDuration(wait[1]!)) items.push({ kind: 'wait', durationMs: parseDuration(wait[1]!), line })
      else problems.push({ code: 'bad-wait', line, message: `line ${line}: "${wait[1]}" is not a duration (write e.g. wait 2s)` })
      return
    }
    if (!/^AT/i.test(trimmed)) {
      problems.push({ code: 'not-a-command', line, message: `line ${line}: "${trimmed}" is not an AT command (prompt data starts with >)` })
      return
    }
    items.push({ kind: 'command', text: trimmed, line })
  })
  return { items, problems }
}

function readData(text: string, line: number): ScriptItem {
  for (const [marker, end] of [
    ['<ctrl-z>', 'ctrl-z'],
    ['<esc>', 'esc'],
  ] as const) {
    if (text.toLowerCase().endsWith(marker)) return { kind: 'data', text: text.slice(0, -marker.length), end, line }
  }
  return { kind: 'data', text, end: 'none', line }
}
