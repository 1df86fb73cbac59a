import t from 'tap'
import { createStepNumberer } from '../../src/sequence/import/number-rows.js'

t.test('rows before any numbered row count from 0', async t => {
  const n = createStepNumberer()
  t.same([n.numberRow(''), n.numberExtra(), n.numberRow('1')], ['0a', '0b', '1'])
})

t.test('letters run a..z, then aa..az, ba...', async t => {
  const n = createStepNumberer()
  n.numberRow('7')
  const numbers = Array.from({ length: 53 }, () => n.numberExtra())
  t.same([numbers[0], numbers[25], numbers[26], numbers[51], numbers[52]], ['7a', '7z', '7aa', '7az', '7ba'])
})
