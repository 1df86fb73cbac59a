import { Document, isSeq, type YAMLSeq } from 'yaml'
import { errorAt, sortDiagnostics, type Diagnostic } from '../../model/diagnostic.js'
import { inferDeviceName, listDeviceNames } from '../../modem/families/index.js'
import { parseAtCommand } from '../../modem/at-command-line.js'
import { lintSequence } from '../lint/lint-sequence.js'
import { loadSequenceText } from '../load-sequence.js'
import { suggestClosest } from '../suggest.js'
import type { Sequence } from '../../model/sequence.js'
import { importRow, type ImportedStep, type RowFate } from './import-row.js'
import { createStepNumberer } from './number-rows.js'
import { parseSpecTable, type SpecTable } from './parse-spec-table.js'

export type { RowFate } from './import-row.js'

export interface ImportOptions {
  /** The sequence's `device:`; default: inferred from the commands (`AT+CMQTT...` → `simcom-a76xx`), else none. */
  deviceProfile?: string
}

/** The YAML, the notes and warnings pointing into the spec, and what became of each row. */
export interface ImportResult {
  yaml: string
  diagnostics: Diagnostic[]
  rows: RowFate[]
}

/**
 * Turns a spec table (pipe-separated rows; cells may span lines) into sequence YAML that validates.
 * Descriptions are kept verbatim; every row becomes steps, or a `todo` step holding its original text.
 * Diagnostics point into the spec text: import notes (curly quotes replaced...) and lint warnings of the result.
 */
export function importSpecTable(text: string, sourceName: string, options: ImportOptions = {}): ImportResult {
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
  const device = chooseDevice(options.deviceProfile, sourceName, diagnostics)
  const ctx = { file: sourceName, numberer: createStepNumberer(), diagnostics }
  const imported = table.rows.map(row => importRow(row, ctx))
  const steps = imported.flatMap(r => r.steps)
  const yaml = writeSequenceYaml(table, steps, sourceName, device ?? inferDevice(steps))
  diagnostics.push(...checkImported(yaml, steps, sourceName))
  return { yaml, diagnostics: sortDiagnostics(diagnostics), rows: imported.map(r => r.fate) }
}

function chooseDevice(requested: string | undefined, file: string, diagnostics: Diagnostic[]): string | undefined {
  if (requested === undefined || listDeviceNames().includes(requested)) return requested
  const suggestion = suggestClosest(requested, listDeviceNames())
  diagnostics.push(
    errorAt(
      { file, line: 1, col: 1 },
      'unknown-device-profile',
      `there is no device profile "${requested}"`,
      suggestion === undefined ? `use one of ${listDeviceNames().join(', ')}` : `did you mean ${suggestion}?`,
    ),
  )
  return undefined
}

function inferDevice(steps: readonly ImportedStep[]): string | undefined {
  const names = steps.flatMap(s => (typeof s.step['send'] === 'string' ? [parseAtCommand(s.step['send'])?.name ?? ''] : []))
  return inferDeviceName(names)
}

function writeSequenceYaml(table: SpecTable, steps: ImportedStep[], sourceName: string, device: string | undefined): string {
  const name = table.name ?? table.title ?? sourceName
  const doc = new Document({
    sequence: name,
    ...(table.system === undefined ? {} : { system: table.system }),
    ...(device === undefined ? {} : { device }),
    source: `${sourceName} (spec table, ${table.rows.length} rows)`,
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
    const notes = steps[i]?.notes ?? []
    if (notes.length > 0) node.commentBefore = notes.map(n => ` ${n}`).join('\n')
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
