/**
 * One spec row as the steps it stands for: a command cell may hold several commands (one step each), a `>` cell
 * is prompt data, anything else is kept as a `todo` step with the row's original text. Nothing is dropped.
 */
import { warningAt, type Diagnostic } from '../../model/diagnostic.js'
import { isRegexLiteral } from '../line-matcher.js'
import { normaliseCommand } from './normalise-command.js'
import type { StepNumberer } from './number-rows.js'
import type { SpecRow } from './parse-spec-table.js'
import { readDataCell } from './read-data-cell.js'
import { readResponseCell, splitResponseCell } from './read-response-cell.js'
import { isFinalResultLine } from '../line-matcher.js'
import { splitCommandCell } from './split-command-cell.js'

/** The YAML written for one step, the row it came from, and notes to put above it. */
export interface ImportedStep {
  row: SpecRow
  step: Record<string, unknown>
  notes: string[]
}

/** What a row became, for `atseq import --report`. */
export interface RowFate {
  line: number
  /** The row's number as written (`–` or empty for an unnumbered row). */
  written: string
  became: string[]
  notes: string[]
}

interface RowContext {
  file: string
  numberer: StepNumberer
  diagnostics: Diagnostic[]
}

/** The steps of one row, and its fate. */
export function importRow(row: SpecRow, ctx: RowContext): { steps: ImportedStep[]; fate: RowFate } {
  const steps = readRowSteps(row, ctx)
  const fate: RowFate = {
    line: row.line,
    written: row.no,
    became: steps.map(s => describeStep(s.step)),
    notes: steps.flatMap(s => s.notes),
  }
  return { steps, fate }
}

function readRowSteps(row: SpecRow, ctx: RowContext): ImportedStep[] {
  const no = ctx.numberer.numberRow(row.no)
  if (row.cells.length > 3) return [keepAsTodo(row, no, 'not interpreted: the row has more cells than No, Command, Response, Description')]
  if (row.command.startsWith('>') && row.command.length > 1) return [importData(row, no, ctx)]
  if (!/^AT/i.test(row.command)) return [keepAsTodo(row, no, 'not interpreted: the command cell is not an AT command or > data')]
  const cell = splitCommandCell(row.command)
  const responses = shareResponses(row.response, cell.commands.length)
  const steps = cell.commands.map((command, i) =>
    importCommand(row, i === 0 ? no : ctx.numberer.numberExtra(), command, responses.cells[i] ?? '', ctx),
  )
  if (cell.commands.length > 1) steps[0]!.notes.push(`imported: the command cell holds ${cell.commands.length} commands, one step each`)
  if (responses.note !== undefined) steps.at(-1)!.notes.push(responses.note)
  if (cell.lineEndRemoved) steps[0]!.notes.push('imported: the line end written after the command was removed (atseq sends CR itself)')
  return steps
}

function keepAsTodo(row: SpecRow, no: string, note: string): ImportedStep {
  return { row, step: withDescription(row, { no, todo: row.original }), notes: [note] }
}

function withDescription(row: SpecRow, step: Record<string, unknown>, prose: string[] = []): Record<string, unknown> {
  const description = [row.description, ...prose.map(p => `Response: ${p}`)].filter(d => d !== '').join(' — ')
  return description === '' ? step : { ...step, description }
}

/**
 * One response cell per command: split at final result codes when the cell has exactly one per command;
 * otherwise the last command gets the whole cell and the others accept OK.
 */
function shareResponses(response: string, commands: number): { cells: string[]; note?: string } {
  if (commands <= 1) return { cells: [response] }
  const lines = splitResponseCell(response)
  const finals = lines.flatMap((line, i) => (isFinalResultLine(line) ? [i] : []))
  if (finals.length !== commands) {
    const cells = [...new Array<string>(commands - 1).fill(''), response]
    return { cells, note: `imported: the response cell was not shared out (${finals.length} final result codes for ${commands} commands)` }
  }
  const cells = finals.map((end, i) => lines.slice(i === 0 ? 0 : finals[i - 1]! + 1, end + 1).join(' '))
  cells[cells.length - 1] += ` ${lines.slice(finals.at(-1)! + 1).join(' ')}`
  return { cells }
}

function readExpectations(
  row: SpecRow,
  response: string,
  no: string,
  ctx: RowContext,
): { fields: Record<string, unknown>; prose: string[]; notes: string[] } {
  const reading = readResponseCell(response)
  const expect = reading.expect.map(writeLiteralLine)
  const urcs = reading.urcs.map(writeLiteralLine)
  const notes: string[] = []
  if (reading.prose.length > 0) {
    notes.push('imported: the Response cell is prose, kept in the description; no expectation was made of it')
    ctx.diagnostics.push(
      warningAt(
        locateInRow(row, ctx.file, reading.prose[0]!),
        'prose-response',
        `row ${no}: the Response cell is prose, not modem output`,
        'write what the modem answers as expect: or urc:',
      ),
    )
  }
  for (const m of reading.payloadMismatches) {
    notes.push(`imported: ${m.header} declares ${m.declared} bytes, the table shows ${m.shown}`)
    ctx.diagnostics.push(
      warningAt(
        locateInRow(row, ctx.file, m.header),
        'payload-length-mismatch',
        `row ${no}: ${m.header} declares ${m.declared} bytes but the table shows ${m.shown}`,
        'check the payload against its declared length',
      ),
    )
  }
  const fields = {
    ...(expect.length === 0 ? {} : { expect: expect.length === 1 ? expect[0] : expect }),
    ...(urcs.length === 0 ? {} : { urc: urcs.length === 1 ? urcs[0] : urcs }),
  }
  return { fields, prose: reading.prose, notes }
}

function importData(row: SpecRow, no: string, ctx: RowContext): ImportedStep {
  const data = readDataCell(row.command.slice(1))
  const { fields, prose, notes } = readExpectations(row, row.response, no, ctx)
  const step = {
    no,
    data: data.hex ? data.data : escapeTemplate(data.data),
    ...(data.hex ? { hex: true } : {}),
    ...(data.end === 'none' ? {} : { end: data.end }),
    ...fields,
  }
  if (data.hadControlBytes)
    notes.push(
      `imported: control bytes written out in the data were read (${data.end === 'none' ? 'no end byte' : `end: ${data.end}`}${data.hex ? ', data as hex' : ''})`,
    )
  return { row, step: withDescription(row, step, prose), notes }
}

function importCommand(row: SpecRow, no: string, command: string, response: string, ctx: RowContext): ImportedStep {
  const normalised = normaliseCommand(command)
  const { fields, prose, notes } = readExpectations(row, response, no, ctx)
  const imported: ImportedStep = {
    row,
    step: withDescription(row, { no, send: escapeTemplate(normalised.command), ...fields }, prose),
    notes,
  }
  if (normalised.curlyQuoteAt === undefined && !normalised.spacesRemoved) return imported
  const curly = normalised.curlyQuoteAt !== undefined
  imported.notes.unshift(describeNormalisation(curly, normalised.spacesRemoved, command))
  const at = locateInRow(row, ctx.file, curly ? command[normalised.curlyQuoteAt!]! : ', ')
  ctx.diagnostics.push(
    curly
      ? warningAt(at, 'non-ascii-command', `row ${no}: the command has curly quotes; replaced by straight quotes "`, 'fix the spec table')
      : warningAt(at, 'command-normalised', `row ${no}: blanks after ',' removed from the command`),
  )
  return imported
}

/** Spec text is literal: `{{` must not start a template expression. */
function escapeTemplate(text: string): string {
  return text.replace(/\{\{/g, '\\{{')
}

/** A response line written so it matches itself exactly (a line that looks like /regex/ becomes an anchored, escaped regex). */
function writeLiteralLine(line: string): string {
  if (!isRegexLiteral(line)) return escapeTemplate(line)
  return `/^${line.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$/`
}

function describeNormalisation(curly: boolean, spaces: boolean, original: string): string {
  const changes = [curly ? 'curly quotes replaced by "' : '', spaces ? "blanks after ',' removed" : ''].filter(Boolean).join(', ')
  return `imported: ${changes} (the table has: ${original})`
}

function describeStep(step: Record<string, unknown>): string {
  const no = String(step['no'])
  if ('todo' in step) return `${no} todo`
  if ('data' in step) return `${no} data${step['end'] === undefined ? '' : ` + ${String(step['end'])}`}`
  return `${no} ${String(step['send'])}`
}

/** Where `needle` first appears in the row's original text. */
export function locateInRow(row: SpecRow, file: string, needle: string): Diagnostic['at'] {
  const lines = row.original.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const col = lines[i]!.indexOf(needle)
    if (col >= 0) return { file, line: row.line + i, col: col + 1 }
  }
  return { file, line: row.line, col: 1 }
}
