import t from 'tap'
import { readDataCell } from '../../src/sequence/import/read-data-cell.js'
import { splitCommandCell } from '../../src/sequence/import/split-command-cell.js'
import { readResponseCell } from '../../src/sequence/import/read-response-cell.js'
import { createStepNumberer } from '../../src/sequence/import/number-rows.js'

t.test('control bytes written out in a data cell', async t => {
  t.match(readDataCell('hi, momo\\1A\\r\\n'), { data: 'hi, momo', hex: false, end: 'ctrl-z' })
  t.match(readDataCell('abc\\x1A'), { data: 'abc', end: 'ctrl-z' })
  t.match(readDataCell('abc<Ctrl+Z>'), { data: 'abc', end: 'ctrl-z' })
  t.match(readDataCell('abc^Z'), { data: 'abc', end: 'ctrl-z' })
  t.match(readDataCell('abc<ESC>'), { data: 'abc', end: 'esc' })
  t.match(readDataCell('a\\r\\nb'), { data: '61 0D 0A 62', hex: true, end: 'none' })
  t.match(readDataCell('plain text'), { data: 'plain text', hex: false, end: 'none', hadControlBytes: false })
  t.match(readDataCell('a\\1Ab'), { data: '61 1A 62', hex: true, end: 'none' }, 'a Ctrl-Z inside the data is data')
})

t.test('several commands in one cell; never inside quotes; a written-out line end removed', async t => {
  t.same(splitCommandCell('AT+FSCD? / AT+FSCD=F:/ AT+FSLS').commands, ['AT+FSCD?', 'AT+FSCD=F:/', 'AT+FSLS'])
  t.same(splitCommandCell('AT+CMQTTACCQ=0, "x AT+Y"').commands, ['AT+CMQTTACCQ=0, "x AT+Y"'])
  t.same(splitCommandCell('AT+CFTPSSTART\\r'), { commands: ['AT+CFTPSSTART'], lineEndRemoved: true })
  t.same(splitCommandCell('AT+CSQ<CR><LF>'), { commands: ['AT+CSQ'], lineEndRemoved: true })
})

t.test('a folded payload is split off by its declared byte length', async t => {
  t.same(readResponseCell('+CMQTTRXTOPIC: 0,9 Hi,모모 +CMQTTRXEND: 0').urcs, ['+CMQTTRXTOPIC: 0,9', 'Hi,모모', '+CMQTTRXEND: 0'])
  t.same(
    readResponseCell('OK +CFTPSGET: DATA,6 OK OK! +CFTPSGET: 0').urcs,
    ['+CFTPSGET: DATA,6', 'OK OK!', '+CFTPSGET: 0'],
    'payload bytes are never read as lines',
  )
  t.same(readResponseCell('+CSQ: 23,0 OK').expect, ['+CSQ: 23,0', 'OK'])
})

t.test('unnumbered rows are numbered after the row they follow', async t => {
  const n = createStepNumberer()
  t.same([n.numberRow('7'), n.numberRow(''), n.numberExtra(), n.numberRow('7.1'), n.numberRow('')], ['7', '7a', '7b', '7.1', '7.1a'])
})
