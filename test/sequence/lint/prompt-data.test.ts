import t from 'tap'
import { lintSequence, loadSequenceText, type Diagnostic } from '../../../src/sequence/index.js'

function lintYaml(lines: string[]): Array<[string, number]> {
  const { sequence, diagnostics } = loadSequenceText('lint.yaml', Buffer.from(['sequence: lint', ...lines].join('\n')))
  if (sequence === undefined) throw new Error(`fixture invalid: ${JSON.stringify(diagnostics)}`)
  return lintSequence(sequence).map((d: Diagnostic) => [d.code, d.at.line])
}

t.test('a sleep or a wait between a prompt and its data is no warning', async t => {
  t.same(
    lintYaml([
      'steps:',
      '  - { send: "AT+CMQTTTOPIC=0,3", expect: ">" }',
      '  - { sleep: 200ms }',
      '  - { wait: "+CMQTTPING: 0", timeout: 1s }',
      '  - { data: abc, expect: OK }',
    ]),
    [],
  )
})

t.test('a command between them still is, on both sides', async t => {
  t.same(
    lintYaml([
      'steps:',
      '  - { send: "AT+CMQTTTOPIC=0,3", expect: ">" }',
      '  - { sleep: 200ms }',
      '  - { send: AT, expect: OK }',
      '  - { sleep: 200ms }',
      '  - { data: abc, expect: OK }',
    ]),
    [
      ['prompt-without-data', 3],
      ['data-without-prompt', 7],
    ],
  )
})

t.test('the search stops at the phase boundary', async t => {
  t.same(lintYaml(['setup:', '  - { send: "AT+CMQTTTOPIC=0,3", expect: ">" }', 'steps:', '  - { data: abc, expect: OK }']), [
    ['prompt-without-data', 3],
    ['data-without-prompt', 5],
  ])
})

t.test('prompt-length-mismatch sees the data past a sleep', async t => {
  t.same(lintYaml(['steps:', '  - { send: "AT+CMQTTTOPIC=0,3", expect: ">" }', '  - { sleep: 200ms }', '  - { data: abcd, expect: OK }']), [
    ['prompt-length-mismatch', 5],
  ])
})
