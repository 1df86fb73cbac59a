import t from 'tap'
import { splitCommandCell } from '../../src/sequence/import/split-command-cell.js'

t.test('a further command starts before AT followed by a symbol, a letter, a blank or the end', async t => {
  const commandsOf = (cell: string): string[] => splitCommandCell(cell).commands
  t.same(commandsOf('AT+CFUN=1 ATZ'), ['AT+CFUN=1', 'ATZ'])
  t.same(commandsOf('AT+CGMI AT AT+CSQ'), ['AT+CGMI', 'AT', 'AT+CSQ'])
  t.same(commandsOf('AT+CSQ AT'), ['AT+CSQ', 'AT'])
  t.same(commandsOf('AT+CSQ ATx'), ['AT+CSQ ATx'])
  t.same(commandsOf('AT+A /  AT+B'), ['AT+A', 'AT+B'])
})

t.test('no command starts inside curly or double-prime quotes', async t => {
  for (const cell of ['AT+CMQTTACCQ=0, “x AT+Y”', 'AT+CMQTTACCQ=0, ”x AT+Y”', 'AT+CMQTTACCQ=0, ″x AT+Y″']) {
    t.same(splitCommandCell(cell).commands, [cell], cell)
  }
})

t.test('a line end is taken off only at the end of a command, then the blanks before it', async t => {
  t.same(splitCommandCell('AT+CSQ'), { commands: ['AT+CSQ'], lineEndRemoved: false })
  t.same(splitCommandCell('AT+X="a\\nb"'), { commands: ['AT+X="a\\nb"'], lineEndRemoved: false })
  t.same(splitCommandCell('AT+CSQ<CR>'), { commands: ['AT+CSQ'], lineEndRemoved: true })
  t.same(splitCommandCell('AT+CSQ \\r'), { commands: ['AT+CSQ'], lineEndRemoved: true })
  t.same(splitCommandCell('AT+CSQ\\r  '), { commands: ['AT+CSQ'], lineEndRemoved: true })
})

t.test('an empty cell holds no command', async t => {
  t.same(splitCommandCell(''), { commands: [], lineEndRemoved: false })
})
