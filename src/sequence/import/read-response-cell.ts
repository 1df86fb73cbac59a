import { findPayloadLine } from '../../modem/families/index.js'
import { isFinalResultLine } from '../line-matcher.js'

/** Where a response line goes in a step: a line expected before the final result, the final result, or a URC. */
export interface ResponseReading {
  expect: string[]
  urcs: string[]
  /** Words in the Response column that are no modem output ("the module restarts"); kept for the description. */
  prose: string[]
  /** Payloads whose declared length differs from what the table shows. */
  payloadMismatches: Array<{ header: string; declared: number; shown: number }>
}

/** URCs that SIMCom modems send after OK for network operations, whatever order a table prints them in. */
const ASYNCHRONOUS = /^\+CMQTT(START|STOP|CONNECT|PUB|SUB|UNSUB|DISC|NONET|CONNLOST|RXSTART|RXTOPIC|RXPAYLOAD|RXEND|PING):?/

const LINE_START = /\s+(?=(?:OK|ERROR|NO CARRIER|BUSY|NO ANSWER|NO DIALTONE|CONNECT)(?:\s|$)|\+[A-Z][A-Z0-9]*(?::|\s|$)|>(?:\s|$))/
const PAYLOAD_HEADER = /\+([A-Z][A-Z0-9]*): ?(\S+)/g
/** Two lower-case words in a row: prose, not modem output. */
const PROSE = /[a-z]{3,}\s+[a-z]{2,}/

/** A line of the cell; a payload belongs where its header goes. */
interface CellLine {
  text: string
  isPayload: boolean
}

/** Splits a response cell that folds several lines into one (`OK +CMQTTCONNECT: 0,0`) into its lines. */
export function splitResponseCell(cell: string): string[] {
  return readCellLines(cell, []).map(l => l.text)
}

/**
 * Sorts a response cell's lines: the first final result code ends the expected lines; asynchronous `+CMQTT...`
 * lines and anything after the final result are URCs (their order against OK is not enforced). A payload folded
 * after its header (`+CMQTTRXTOPIC: 0,9 Hi,모모`) is split off by the declared length and goes with its header.
 */
export function readResponseCell(cell: string): ResponseReading {
  const payloadMismatches: ResponseReading['payloadMismatches'] = []
  const all = readCellLines(cell, payloadMismatches)
  const prose = all.filter(l => !l.isPayload && isProse(l.text)).map(l => l.text)
  const lines = all.filter(l => l.isPayload || !isProse(l.text))
  const finalIndex = lines.findIndex(l => !l.isPayload && isFinalResultLine(l.text))
  const expect: string[] = []
  const urcs: string[] = []
  let headerIsUrc = false
  lines.forEach((line, i) => {
    const isUrc = line.isPayload ? headerIsUrc : (finalIndex >= 0 && i > finalIndex) || ASYNCHRONOUS.test(line.text)
    headerIsUrc = isUrc
    if (i !== finalIndex) (isUrc ? urcs : expect).push(line.text)
  })
  if (finalIndex >= 0) expect.push(lines[finalIndex]!.text)
  return { expect, urcs, prose, payloadMismatches }
}

function isProse(line: string): boolean {
  return !/^[+*^#$>]/.test(line) && !isFinalResultLine(line) && PROSE.test(line)
}

function readCellLines(cell: string, mismatches: ResponseReading['payloadMismatches']): CellLine[] {
  const text = cell.trim()
  const lines: CellLine[] = []
  let at = 0
  for (const match of text.matchAll(PAYLOAD_HEADER)) {
    if (match.index < at) continue
    const declared = readDeclaredLength(match[1]!, match[2]!)
    if (declared === undefined) continue
    const headerEnd = match.index + match[0].length
    const skip = /^\s/.test(text.slice(headerEnd)) ? 1 : 0
    const payload = takePayload(text.slice(headerEnd + skip), `+${match[1]}:`, declared)
    lines.push(...splitLines(text.slice(at, headerEnd)))
    lines.push({ text: payload.text, isPayload: true })
    if (payload.shown !== declared) mismatches.push({ header: match[0], declared, shown: payload.shown })
    at = headerEnd + skip + payload.consumed
  }
  return [...lines, ...splitLines(text.slice(at))]
}

function splitLines(text: string): CellLine[] {
  return text
    .trim()
    .split(LINE_START)
    .map(l => l.trim())
    .filter(l => l !== '')
    .map(l => ({ text: l, isPayload: false }))
}

function readDeclaredLength(name: string, params: string): number | undefined {
  const rule = findPayloadLine(`+${name}`)
  const values = params.split(',')
  if (rule === undefined || (rule.marker !== undefined && values[0] !== rule.marker)) return undefined
  const value = values[rule.lengthParam]
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined
}

/**
 * The payload's text: the declared number of bytes when they end where a line would; otherwise (the table
 * joined or re-wrapped the lines) everything up to the closing line of the same name or a final result code.
 */
function takePayload(rest: string, header: string, declared: number): { text: string; shown: number; consumed: number } {
  const bytes = Buffer.from(rest, 'utf8')
  const exact = bytes.subarray(0, declared).toString('utf8')
  const after = rest.slice(exact.length)
  if (Buffer.byteLength(exact) === declared && (after === '' || /^\s/.test(after)))
    return { text: exact, shown: declared, consumed: exact.length }
  const close = [rest.indexOf(` ${header}`), rest.search(/\s(?:OK|ERROR)(?:\s|$)/)].filter(i => i >= 0)
  const end = close.length === 0 ? rest.length : Math.min(...close)
  const text = rest.slice(0, end)
  return { text, shown: Buffer.byteLength(text), consumed: end }
}
