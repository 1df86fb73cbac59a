/** One row of a spec table as written: its number (empty for an unnumbered or `–` row), its cells, its original text and where it starts. */
export interface SpecRow {
  no: string
  /** Command, Response and Description, whatever order and language the header gave them. */
  command: string
  response: string
  description: string
  /** Every cell after the number, as written (more than three means the row is not read). */
  cells: string[]
  original: string
  line: number
}

/** A spec table as text: title lines before the table, named fields (통신시스템, 명령시퀀스...) and the rows. */
export interface SpecTable {
  title?: string
  system?: string
  name?: string
  preamble: string[]
  rows: SpecRow[]
}

const NUMBERED = /^\s*(\d+(?:\.\d+)*[a-z]?)\s*\|/
/** A row whose number cell is a dash (`– | AT+FSLS |`) or empty (`| AT+FSLS |`). */
const DASH_OR_EMPTY_NUMBER = /^\s*[–—-]?\s*\|/
/** A row numbered with an en or em dash: a row of its own wherever it stands. */
const DASH_NUMBERED = /^\s*[–—]\s*\|/
const HEADER = /^\s*(?:No\.?|번호|순번|#)\s*\|/i
const FIELD = /^\s*\d+\.\s*([^:|]+):\s*(.+?)\s*$/

/** Words a header cell may use for each column, in English and Korean. */
const COLUMN_WORDS: ReadonlyArray<[keyof Columns, RegExp]> = [
  ['command', /command|명령|cmd/i],
  ['response', /response|응답|결과|result/i],
  ['description', /description|설명|비고|remark|note/i],
]

interface Columns {
  command: number
  response: number
  description: number
}

/**
 * Reads pipe-separated rows (`No | Command | Response | Description |`, headings in English or Korean); a cell
 * may span lines, a row ends where the next begins. Rows numbered `–` or not at all are rows of their own.
 */
export function parseSpecTable(text: string): SpecTable {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const header = lines.findIndex(l => HEADER.test(l))
  const firstRow = lines.findIndex((l, i) => i > header && isNumbered(l))
  const preambleEnd = header >= 0 ? header : firstRow >= 0 ? firstRow : lines.length
  const preamble = lines
    .slice(0, preambleEnd)
    .map(l => l.trim())
    .filter(l => l !== '')
  const columns = readColumns(header >= 0 ? lines[header]! : '')
  return { ...readFields(preamble), preamble, rows: firstRow < 0 ? [] : readRows(lines, firstRow, columns) }
}

function readColumns(header: string): Columns {
  const cells = splitCells(header).slice(1)
  const columns: Columns = { command: 0, response: 1, description: 2 }
  if (cells.length < 3) return columns
  for (const [column, words] of COLUMN_WORDS) {
    const index = cells.findIndex(c => words.test(c))
    if (index >= 0) columns[column] = index
  }
  return new Set(Object.values(columns)).size === 3 ? columns : { command: 0, response: 1, description: 2 }
}

function readRows(lines: string[], first: number, columns: Columns): SpecRow[] {
  const rows: SpecRow[] = []
  let current: { start: number; lines: string[] } | undefined
  const flush = (): void => {
    if (current === undefined) return
    // A row starts on a non-blank line, so its text is never empty.
    rows.push(toRow(current.lines.join('\n').trim(), current.start + 1, columns))
  }
  for (let i = first; i < lines.length; i++) {
    if (isRowStart(lines[i]!, current?.lines)) {
      flush()
      current = { start: i, lines: [] }
    }
    current?.lines.push(lines[i]!)
  }
  flush()
  return rows
}

/**
 * A numbered line always starts a row; any other line does once the row before has all its cells (a row
 * numbered `–` or not at all, a prose line), so nothing is folded into a finished row.
 */
function isRowStart(line: string, current: string[] | undefined): boolean {
  if (isNumbered(line)) return true
  if (current === undefined || line.trim() === '') return false
  return (current.join('\n').match(/\|/g) ?? []).length >= 4
}

/** Numbered with digits (`4.1 |`) or a dash (`– |`). */
function isNumbered(line: string): boolean {
  return NUMBERED.test(line) || DASH_NUMBERED.test(line)
}

function toRow(original: string, line: number, columns: Columns): SpecRow {
  const cells = splitCells(original)
  const numbered = NUMBERED.test(original) || DASH_OR_EMPTY_NUMBER.test(original)
  const no = numbered ? cells.shift()!.replace(/^[–—-]$/, '') : ''
  return {
    no,
    command: cells[columns.command] ?? '',
    response: cells[columns.response] ?? '',
    description: cells[columns.description] ?? '',
    cells,
    original,
    line,
  }
}

function splitCells(text: string): string[] {
  const parts = text.split('|')
  if (text.trimEnd().endsWith('|')) parts.pop()
  return parts.map(c => c.replace(/\s*\n\s*/g, ' ').trim())
}

function readFields(preamble: string[]): Pick<SpecTable, 'title' | 'system' | 'name'> {
  const fields: Pick<SpecTable, 'title' | 'system' | 'name'> = {}
  if (preamble[0] !== undefined) fields.title = preamble[0]
  for (const line of preamble) {
    const match = FIELD.exec(line)
    if (match === null) continue
    const key = match[1]!.toLowerCase()
    if (key.includes('시스템') || key.includes('system')) fields.system = match[2]!
    if (key.includes('시퀀스') || key.includes('sequence')) fields.name = match[2]!
  }
  return fields
}
