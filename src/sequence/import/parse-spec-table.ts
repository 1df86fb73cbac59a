/** One row of a spec table as written: its number, its cells, its original text and where it starts. */
export interface SpecRow {
  no: string
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

const ROW_START = /^\s*(\d+(?:\.\d+)*[a-z]?)\s*\|/
const HEADER = /^\s*No\s*\|/i
const FIELD = /^\s*\d+\.\s*([^:|]+):\s*(.+?)\s*$/

/** Reads pipe-separated rows (`No | Command | Response | Description |`); a cell may span lines, a row ends where the next begins. */
export function parseSpecTable(text: string): SpecTable {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const header = lines.findIndex(l => HEADER.test(l))
  const firstRow = lines.findIndex((l, i) => i > header && ROW_START.test(l))
  const preambleEnd = header >= 0 ? header : firstRow >= 0 ? firstRow : lines.length
  const preamble = lines
    .slice(0, preambleEnd)
    .map(l => l.trim())
    .filter(l => l !== '')
  return { ...readFields(preamble), preamble, rows: firstRow < 0 ? [] : readRows(lines, firstRow) }
}

function readRows(lines: string[], first: number): SpecRow[] {
  const rows: SpecRow[] = []
  let current: { start: number; lines: string[] } | undefined
  const flush = (): void => {
    if (current === undefined) return
    const original = current.lines.join('\n').trim()
    if (original !== '') rows.push(toRow(original, current.start + 1))
  }
  for (let i = first; i < lines.length; i++) {
    if (ROW_START.test(lines[i]!)) {
      flush()
      current = { start: i, lines: [] }
    }
    current?.lines.push(lines[i]!)
  }
  flush()
  return rows
}

function toRow(original: string, line: number): SpecRow {
  const parts = original.split('|')
  if (original.endsWith('|')) parts.pop()
  const cells = parts.map(c => c.replace(/\s*\n\s*/g, ' ').trim())
  return { no: cells[0] ?? '', cells, original, line }
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
