import { Document, isSeq, type YAMLSeq } from 'yaml'
import { errorAt, sortDiagnostics, warningAt, type Diagnostic } from '../../model/diagnostic.js'
import { lintSequence } from '../lint/lint-sequence.js'
import { loadSequenceText } from '../load-sequence.js'
import { isRegexLiteral } from '../line-matcher.js'
import type { Sequence } from '../../model/sequence.js'
import { normaliseCommand } from './normalise-command.js'
import { parseSpecTable, type SpecRow, type SpecTable } from './parse-spec-table.js'
import { readResponseCell } from './read-response-cell.js'

/** The YAML written for one row, and a note to put above it. */
interface ImportedStep {
  row: SpecRow
  step: Record<string, unknown>
  note?: string
}

/**
 * Turns a spec table (pipe-separated rows; cells may span lines) into sequence YAML that validates.
 * Descriptions are kept verbatim; rows that cannot be read become `todo` steps holding their original text.
 * Diagnostics point into the spec text: import notes (curly quotes replaced...) and lint warnings of the result.
 */
export function importSpecTable(text: string, sourceName: string): { yaml: string; diagnostics: Diagnostic[] } {
  const table = parseSpecTable(text)
  const diagnostics: Diagnostic[] = []
  if (table.rows.length === 0) {
    diagnostics.push(
      errorAt(
        { file: sourceName, line: 1, col: 1 },
        'no-table-rows',
        'no table rows found (expected lines like `4.1 | AT+... | OK | description |`)',
      ),
    )
  }
  const imported = table.rows.map(row => importRow(row, sourceName, diagnostics))
  const yaml = writeSequenceYaml(table, imported, sourceName)
  diagnostics.push(...checkImported(yaml, imported, sourceName))
  return { yaml, diagnostics: sortDiagnostics(diagnostics) }
}

function importRow(row: SpecRow, file: string, diagnostics: Diagnostic[]): ImportedStep {
  const [no, command = '', response = '', description = ''] = row.cells
  const withDescription = (step: Record<string, unknown>): Record<string, unknown> => (description === '' ? step : { ...step, description })
  if (row.cells.length !== 4 || !/^(AT|>.)/is.test(command)) {
    return {
      row,
      step: withDescription({ no, todo: row.original }),
      note: 'not interpreted: the command cell is not an AT command or > data',
    }
  }
  const reading = readResponseCell(response)
  const expect = reading.expect.map(writeLiteralLine)
  const urcs = reading.urcs.map(writeLiteralLine)
  const expectations = {
    ...(expect.length === 0 ? {} : { expect: expect.length === 1 ? expect[0] : expect }),
    ...(urcs.length === 0 ? {} : { urc: urcs.length === 1 ? urcs[0] : urcs }),
  }
  if (command.startsWith('>')) return { row, step: withDescription({ no, data: escapeTemplate(command.slice(1)), ...expectations }) }
  const normalised = normaliseCommand(command)
  const imported: ImportedStep = { row, step: withDescription({ no, send: escapeTemplate(normalised.command), ...expectations }) }
  if (normalised.curlyQuoteAt !== undefined || normalised.spacesRemoved) {
    imported.note = describeNormalisation(normalised.curlyQuoteAt !== undefined, normalised.spacesRemoved, command)
    const at = locateInRow(row, file, normalised.curlyQuoteAt !== undefined ? command[normalised.curlyQuoteAt]! : ', ')
    diagnostics.push(
      normalised.curlyQuoteAt !== undefined
        ? warningAt(at, 'non-ascii-command', `row ${no}: the command has curly quotes; replaced by straight quotes "`, 'fix the spec table')
        : warningAt(at, 'command-normalised', `row ${no}: blanks after ',' removed from the command`),
    )
  }
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

function writeSequenceYaml(table: SpecTable, steps: ImportedStep[], sourceName: string): string {
  const name = table.name ?? table.title ?? sourceName
  const doc = new Document({
    sequence: name,
    ...(table.system === undefined ? {} : { system: table.system }),
    source: `${sourceName} (spec table, ${steps.length} rows)`,
    steps: steps.map(s => s.step),
  })
  doc.commentBefore = [` Imported from the spec table ${sourceName}.`, ...table.preamble.map(l => ` ${l}`)].join('\n')
  const items = doc.get('steps')
  if (isSeq(items)) annotateSteps(items as YAMLSeq, steps)
  return doc.toString({ lineWidth: 0 })
}

function annotateSteps(items: YAMLSeq, steps: ImportedStep[]): void {
  items.items.forEach((item, i) => {
    const node = item as { commentBefore?: string; spaceBefore?: boolean }
    node.spaceBefore = i > 0
    const note = steps[i]?.note
    if (note !== undefined) node.commentBefore = ` ${note}`
  })
}

/** Loads the written YAML like any sequence file, then lints it; every finding points back at its row in the spec. */
function checkImported(yaml: string, steps: ImportedStep[], sourceName: string): Diagnostic[] {
  const loaded = loadSequenceText(`${sourceName} (imported)`, Buffer.from(yaml, 'utf8'))
  if (loaded.sequence === undefined) return loaded.diagnostics
  return lintSequence(loaded.sequence).map(d => ({ ...d, at: locateRowOf(loaded.sequence!, d, steps, sourceName) }))
}

function locateRowOf(sequence: Sequence, d: Diagnostic, steps: ImportedStep[], file: string): Diagnostic['at'] {
  let index = -1
  sequence.steps.forEach((step, i) => {
    if (step.at.line <= d.at.line) index = i
  })
  const row = steps[index]?.row
  return { file, line: row?.line ?? 1, col: 1 }
}

function locateInRow(row: SpecRow, file: string, needle: string): Diagnostic['at'] {
  const lines = row.original.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const col = lines[i]!.indexOf(needle)
    if (col >= 0) return { file, line: row.line + i, col: col + 1 }
  }
  return { file, line: row.line, col: 1 }
}
