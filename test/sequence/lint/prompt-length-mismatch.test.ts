import t from 'tap'
import { lintSequence, loadSequenceText } from '../../../src/sequence/index.js'

/** Lints a prompt command and the data step after it; returns the length warnings. */
function lintLength(command: string, data: string): Array<[number, number, string, string | undefined]> {
  const lines = ['steps:', `  - { no: 1, send: "${command}", expect: ">" }`, `  - { no: 2, data: "${data}", expect: OK }`]
  const { sequence, diagnostics } = loadSequenceText('lint.yaml', Buffer.from(['sequence: lint', ...lines].join('\n')))
  if (sequence === undefined) throw new Error(`fixture invalid: ${JSON.stringify(diagnostics)}`)
  return lintSequence(sequence)
    .filter(d => d.code === 'prompt-length-mismatch')
    .map(d => [d.at.line, d.at.col, d.message, d.hint])
}

const HINT = 'make them agree, e.g. with {{len name}} in the command'

t.test('data of another length than the command declares warns with both numbers', async t => {
  t.same(lintLength('AT+CMQTTTOPIC=0,3', 'abcd'), [[4, 21, 'step 2: the data is 4 bytes but step 1 declares 3', HINT]])
})

t.test('a length that is not all digits declares nothing', async t => {
  t.same(lintLength('AT+CMQTTTOPIC=0,x3', 'abcd'), [])
  t.same(lintLength('AT+CMQTTTOPIC=0,3x', 'abcd'), [])
})

t.test('data that cannot be rendered before the run has no length to compare', async t => {
  t.same(lintLength('AT+CMQTTTOPIC=0,3', '{{missing}}'), [])
})
