import t from 'tap'
import { readDataCell } from '../../src/sequence/import/read-data-cell.js'

t.test('DEL written as \\7F is a control byte and makes the data hex', async t => {
  t.same(readDataCell('a\\7F'), { data: '61 7F', hex: true, end: 'none', hadControlBytes: true })
  t.same(readDataCell('a\x7f'), { data: '61 7F', hex: true, end: 'none', hadControlBytes: false })
})

t.test('a written-out control byte is reported even when it only ends the data', async t => {
  t.same(readDataCell('abc\\1A'), { data: 'abc', hex: false, end: 'ctrl-z', hadControlBytes: true })
})

t.test('a lone Ctrl-Z is the end of empty data', async t => {
  t.same(readDataCell('\\x1A'), { data: '', hex: false, end: 'ctrl-z', hadControlBytes: true })
})

t.test('without Ctrl-Z or ESC nothing is taken off, not even a line end', async t => {
  t.same(readDataCell('\\r\\n'), { data: '0D 0A', hex: true, end: 'none', hadControlBytes: true })
  t.same(readDataCell(''), { data: '', hex: false, end: 'none', hadControlBytes: false })
})
