import t from 'tap'
import { compareStepNumbers, lintSequence, loadSequenceText } from '../../../src/sequence/index.js'

/** Lints steps numbered `numbers` (one per line, from line 3) and returns the step-number warnings. */
function lintNumbers(numbers: string[]): Array<[string, number, string, string | undefined]> {
  const lines = numbers.map(no => `  - { no: "${no}", send: AT, expect: OK }`)
  const { sequence, diagnostics } = loadSequenceText('lint.yaml', Buffer.from(['sequence: lint', 'steps:', ...lines].join('\n')))
  if (sequence === undefined) throw new Error(`fixture invalid: ${JSON.stringify(diagnostics)}`)
  return lintSequence(sequence)
    .filter(d => d.code === 'duplicate-step-number' || d.code === 'step-number-order')
    .map(d => [d.code, d.at.line, d.message, d.hint])
}

t.test('a reused number names the first step that has it, counted from 1', async t => {
  t.same(lintNumbers(['1', '2', '2']), [
    ['duplicate-step-number', 5, 'step 2: the number 2 is already used by step #2', 'give each step its own number'],
  ])
})

t.test('a step whose number is smaller than the one before it warns', async t => {
  t.same(lintNumbers(['2.1', '2']), [
    ['step-number-order', 4, 'step 2: comes after step 2.1 but its number is smaller', "keep the steps in the table's order"],
  ])
})

t.test('numbers that differ only in how they are written are not out of order', async t => {
  t.same(lintNumbers(['2', '02']), [])
  t.equal(compareStepNumbers('2', '02'), 0)
  t.equal(compareStepNumbers('2.1', '02.01'), 0)
})

t.test('a part with no digits comes after a part that has them, whatever the letters', async t => {
  t.same(lintNumbers(['4.1', '4.a']), [])
  t.same(lintNumbers(['4.1z', '4.a']), [])
  t.same(lintNumbers(['4.a', '4.1']), [
    ['step-number-order', 4, 'step 4.1: comes after step 4.a but its number is smaller', "keep the steps in the table's order"],
  ])
  t.same(lintNumbers(['4.a', '4.1z']), [
    ['step-number-order', 4, 'step 4.1z: comes after step 4.a but its number is smaller', "keep the steps in the table's order"],
  ])
})
