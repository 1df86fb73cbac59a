import t from 'tap'
import { lintSequence, loadSequenceText } from '../../../src/sequence/index.js'

function lintPrompt(lines: string[]): Array<[string, number, string, string | undefined]> {
  const { sequence, diagnostics } = loadSequenceText('lint.yaml', Buffer.from(['sequence: lint', 'steps:', ...lines].join('\n')))
  if (sequence === undefined) throw new Error(`fixture invalid: ${JSON.stringify(diagnostics)}`)
  return lintSequence(sequence)
    .filter(d => d.code === 'prompt-without-data' || d.code === 'data-without-prompt')
    .map(d => [d.code, d.at.line, d.message, d.hint])
}

const DATA_UNPROMPTED = (line: number): [string, number, string, string] => [
  'data-without-prompt',
  line,
  'step 2: sends data but the step before it does not expect the > prompt',
  'make the step before it expect: ">"',
]

t.test('both warnings say which step and what to add', async t => {
  t.same(lintPrompt(['  - { no: 1, send: "AT+CMQTTTOPIC=0,3", expect: ">" }', '  - { no: 2, send: AT, expect: OK }']), [
    ['prompt-without-data', 3, 'step 1: expects the > prompt but no data step follows', 'add a step with data: <bytes> right after it'],
  ])
  t.same(lintPrompt(['  - { no: 1, send: AT, expect: OK }', '  - { no: 2, data: abc, expect: OK }']), [DATA_UNPROMPTED(4)])
})

t.test('a /regex/ final is the prompt only when it is >, ^>, >$ or ^>$', async t => {
  for (const pattern of ['/>/', '/^>/', '/>$/', '/^>$/']) {
    t.same(lintPrompt([`  - { no: 1, send: "AT+X=3", expect: "${pattern}" }`, '  - { no: 2, data: abc, expect: OK }']), [], pattern)
  }
  for (const pattern of ['/OK|>/', '/>|OK/']) {
    t.same(
      lintPrompt([`  - { no: 1, send: "AT+X=3", expect: "${pattern}" }`, '  - { no: 2, data: abc, expect: OK }']),
      [DATA_UNPROMPTED(4)],
      pattern,
    )
  }
})

t.test('a data step keeps data mode open only with raw bytes expected and no final result', async t => {
  const after = (first: string): ReturnType<typeof lintPrompt> =>
    lintPrompt(['  - { no: 0, send: "AT+X", expect: CONNECT }', first, '  - { no: 2, data: abc, expect: OK }']).filter(w => w[1] === 5)
  t.same(after('  - { no: 1, data: abc, expect: { raw: abc } }'), [])
  t.same(after('  - { no: 1, data: abc, expect: [OK, { raw: abc }] }'), [DATA_UNPROMPTED(5)], 'a final result ends data mode')
  t.same(after('  - { no: 1, data: abc }'), [DATA_UNPROMPTED(5)], 'no raw bytes expected')
  t.same(after('  - { no: 1, send: "AT+Y", expect: { raw: abc } }'), [DATA_UNPROMPTED(5)], 'a command, not data')
})
