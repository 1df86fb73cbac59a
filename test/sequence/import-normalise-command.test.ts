import t from 'tap'
import { normaliseCommand } from '../../src/sequence/import/normalise-command.js'

t.test('curly quotes become straight ones, single and double; the first one is located', async t => {
  t.same(normaliseCommand('AT+X=“a”,‘b’'), { command: 'AT+X="a",\'b\'', curlyQuoteAt: 5, spacesRemoved: false })
  t.same(normaliseCommand('“a”'), { command: '"a"', curlyQuoteAt: 0, spacesRemoved: false }, 'even at the very start')
  t.same(normaliseCommand('AT+X=1'), { command: 'AT+X=1', spacesRemoved: false })
})

t.test('blanks after commas are removed outside quotes only', async t => {
  t.same(normaliseCommand('AT+X=0, "a, b", 1'), { command: 'AT+X=0,"a, b",1', spacesRemoved: true })
  t.same(normaliseCommand('AT+X="a, b",  "c,  d"'), { command: 'AT+X="a, b","c,  d"', spacesRemoved: true })
  t.same(normaliseCommand('AT+X="a, b"'), { command: 'AT+X="a, b"', spacesRemoved: false })
  t.same(normaliseCommand('AT+CMGS="a b" ,1'), { command: 'AT+CMGS="a b" ,1', spacesRemoved: false }, 'a blank before a comma stays')
})
