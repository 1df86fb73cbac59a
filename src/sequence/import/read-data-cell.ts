/**
 * A data cell (`>hi, momo\1A\r\n`) as the bytes it stands for: control bytes written out (`\1A`, `\x1A`,
 * `<Ctrl+Z>`, `^Z`, `\r\n`, `<ESC>`) are read, a trailing Ctrl-Z or ESC becomes the step's `end:`, and data
 * that still holds a control byte is written as hex.
 */
import type { DataEnd } from '../../model/sequence.js'

export interface DataReading {
  /** The data as text, or as upper-case hex pairs when `hex`. */
  data: string
  hex: boolean
  end: DataEnd
  /** Whether any written-out control byte was read. */
  hadControlBytes: boolean
}

const CONTROL = /\\x([0-9A-Fa-f]{2})|\\([01][0-9A-Fa-f]|7[Ff])|\\r|\\n|\\t|<ctrl[+-]([a-z])>|\^([A-Z[])|<(esc|cr|lf)>/gi
const NAMED: Record<string, number> = { '\\r': 13, '\\n': 10, '\\t': 9, esc: 27, cr: 13, lf: 10 }
const CTRL_Z = 0x1a
const ESC = 0x1b

/** Reads a data cell's text (without its leading `>`). */
export function readDataCell(text: string): DataReading {
  const codes: number[] = []
  let at = 0
  let hadControlBytes = false
  for (const match of text.matchAll(CONTROL)) {
    codes.push(...Buffer.from(text.slice(at, match.index), 'utf8'))
    codes.push(readControl(match))
    hadControlBytes = true
    at = match.index + match[0].length
  }
  codes.push(...Buffer.from(text.slice(at), 'utf8'))
  const end = trimEnd(codes)
  const bytes = Buffer.from(codes)
  const hex = bytes.some(b => b < 0x20 || b === 0x7f)
  return { data: hex ? formatHex(bytes) : bytes.toString('utf8'), hex, end, hadControlBytes }
}

function readControl(match: RegExpMatchArray): number {
  const [whole, xHex, shortHex, ctrlLetter, caret, named] = match
  if (xHex !== undefined) return parseInt(xHex, 16)
  if (shortHex !== undefined) return parseInt(shortHex, 16)
  if (ctrlLetter !== undefined) return ctrlLetter.toUpperCase().charCodeAt(0) - 64
  if (caret !== undefined) return caret.charCodeAt(0) - 64
  return NAMED[(named ?? whole).toLowerCase()] ?? NAMED[whole]!
}

/** Drops the line end a table writes after Ctrl-Z/ESC, then takes the last Ctrl-Z or ESC off as the step's end. */
function trimEnd(codes: number[]): DataEnd {
  const last = codes.findLastIndex(c => c === CTRL_Z || c === ESC)
  if (last < 0 || codes.slice(last + 1).some(c => c !== 13 && c !== 10)) return 'none'
  const end = codes[last] === CTRL_Z ? 'ctrl-z' : 'esc'
  codes.splice(last)
  return end
}

function formatHex(bytes: Buffer): string {
  return [...bytes].map(b => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')
}
