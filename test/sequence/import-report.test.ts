import t from 'tap'
import { formatImportReport } from '../../src/sequence/import/format-import-report.js'

t.test('the import report: one padded line per row, notes last and unpadded, no trailing spaces', async t => {
  const text = formatImportReport([
    { line: 3, written: '1', became: ['step 1'], notes: [] },
    { line: 12, written: '', became: ['step 1.1', 'step 1.2'], notes: ['curly quotes', 'length 61, declared 60'] },
    { line: 140, written: '10', became: [], notes: ['not interpreted'] },
  ])
  t.equal(
    text,
    [
      'line | row    | became             | notes',
      '3    | 1      | step 1             |',
      '12   | (none) | step 1.1; step 1.2 | curly quotes; length 61, declared 60',
      '140  | 10     |                    | not interpreted',
      '',
    ].join('\n'),
  )
})

t.test('with no rows the report is its header', async t => {
  t.equal(formatImportReport([]), 'line | row | became | notes\n')
})
