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

t.test('CONNECT opens a data mode too: data after it is no warning, data after OK still is', async t => {
  t.same(
    lintYaml([
      'device: quectel',
      'steps:',
      '  - { send: \'AT+QFUPL="ca.pem",3\', expect: CONNECT }',
      '  - { data: abc, expect: OK }',
      '  - { send: AT, expect: OK }',
      '  - { data: abc, expect: OK }',
    ]),
    [['data-without-prompt', 7]],
  )
})

t.test('a Quectel sequence may end prompt data with SEND OK as its final result code', async t => {
  const yaml = [
    'sequence: send',
    'device: quectel',
    'steps:',
    '  - { send: "AT+QISEND=0,3", expect: ">" }',
    '  - { data: abc, expect: SEND OK }',
  ]
  const { sequence } = loadSequenceText('send.yaml', Buffer.from(yaml.join('\n')))
  const data = sequence?.steps[1]
  t.equal(data?.final?.matcher.kind === 'exact' ? data.final.matcher.text.text : undefined, 'SEND OK', 'SEND OK is the final')
  t.same(data?.expect, [], 'and not a response line')
  const simcom = loadSequenceText('s.yaml', Buffer.from(yaml.join('\n').replace('device: quectel', 'device: simcom-a76xx')))
  t.equal(simcom.sequence?.steps[1]?.final, undefined, 'SIMCom has no SEND OK final')
})

t.test('CONNECT <text> opens data mode, and raw data with no final result code keeps it open', async t => {
  t.same(
    lintYaml([
      'steps:',
      '  - { send: "AT+CIPOPEN=0,\\"TCP\\",\\"h\\",7", expect: CONNECT 115200 }',
      '  - { data: abc, expect: { raw: abc } }',
      '  - { sleep: 1200ms }',
      '  - { data: "+++", expect: OK }',
      '  - { data: abc, expect: OK }',
    ]),
    [['data-without-prompt', 7]],
  )
})
