import type { RowFate } from './import-row.js'

/** `atseq import --report`: one line per row of the table — where it is, its number, what it became, the notes. */
export function formatImportReport(rows: readonly RowFate[]): string {
  const table = [
    ['line', 'row', 'became', 'notes'],
    ...rows.map(r => [String(r.line), r.written === '' ? '(none)' : r.written, r.became.join('; '), r.notes.join('; ')]),
  ]
  const widths = [0, 1, 2].map(col => Math.max(...table.map(cells => cells[col]!.length)))
  return (
    table
      .map(cells =>
        cells
          .map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c))
          .join(' | ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  )
}
