import t from 'tap'
import { fileURLToPath } from 'node:url'
import { compareStepNumbers, lintSequence, loadSequence, loadSequenceText, type Diagnostic } from '../../src/sequence/index.js'

function lintYaml(lines: string[], vars?: Record<string, string>): Diagnostic[] {
  const { sequence, diagnostics } = loadSequenceText('lint.yaml', Buffer.from(['sequence: lint', ...lines].join('\n')))
  if (sequence === undefined) throw new Error(`fixture invalid: ${JSON.stringify(diagnostics)}`)
  return lintSequence(sequence, vars === undefined ? {} : { vars })
}

const codesAndLines = (ds: Diagnostic[]): Array<[string, number]> => ds.map(d => [d.code, d.at.line])

t.test('the seed lints clean', async t => {
  const { sequence } = await loadSequence(fileURLToPath(new URL('../../sequences/simcom/mqtts-not-verify-server.yaml', import.meta.url)))
  t.same(lintSequence(sequence!), [])
})

t.test('prompt-length-mismatch: declared length against the data that follows', async t => {
  const warnings = lintYaml([
    'vars: { topic: dddrrrggghhhk }',
    'steps:',
    '  - { no: "8.1", send: "AT+CMQTTPAYLOAD=0,60", expect: ">" }',
    '  - { no: "8.2", data: "012345678901234567890123456789 012345678901234567890123456789", expect: OK }',
    '  - { no: "9.1", send: "AT+CMQTTTOPIC=0,{{len topic}}", expect: ">" }',
    '  - { no: "9.2", data: "{{topic}}", expect: OK }',
    '  - { no: "10.1", send: "AT+CMQTTPAYLOAD=0,2", expect: ">" }',
    '  - { no: "10.2", data: "1A 0D", hex: true, expect: OK }',
    '  - { no: "11.1", send: "AT+CMQTTSUB=0", expect: ">" }',
    '  - { no: "11.2", data: "abc", expect: OK }',
  ])
  t.same(codesAndLines(warnings), [['prompt-length-mismatch', 5]], 'only row 8: templated lengths, hex bytes and the bulk SUB form agree')
  t.match(warnings[0]!.message, /61 bytes.*declares 60/)
  t.equal(warnings[0]!.at.col, 25, 'points at the data, inside its quotes')
})

t.test('prompt-length-mismatch uses --var values', async t => {
  const lines = [
    'vars: { topic: abc }',
    'steps:',
    '  - { send: "AT+CMQTTTOPIC=0,3", expect: ">" }',
    '  - { data: "{{topic}}", expect: OK }',
  ]
  t.same(lintYaml(lines), [])
  t.same(codesAndLines(lintYaml(lines, { topic: 'abcd' })), [['prompt-length-mismatch', 5]])
})

t.test('non-ascii-command: curly quotes and other characters in a command', async t => {
  const warnings = lintYaml([
    'steps:',
    '  - send: AT+CMQTTACCQ=0, “client test0”',
    '    expect: OK',
    '  - send: AT+X=é',
    '    expect: OK',
    '  - send: AT+Y="plain"',
    '    expect: OK',
  ])
  t.same(codesAndLines(warnings), [
    ['non-ascii-command', 3],
    ['non-ascii-command', 5],
  ])
  t.equal(warnings[0]!.at.col, 11 + 16, 'points at the first curly quote')
  t.match(warnings[0]!.hint, /straight/)
})

t.test('urc-name-mismatch: a +NAME that belongs to another command', async t => {
  const warnings = lintYaml([
    'steps:',
    '  - { no: "12", send: "AT+CMQTTUNSUB=0,9,0", expect: OK, urc: "+CMQTTSUB: 0,0" }',
    '  - { no: "13.1", send: "AT+CMQTTUNSUB=0,9,0", expect: ">" }',
    '  - { no: "13.2", data: simcommsg, expect: OK, urc: "+CMQTTUNSUB: 0,0" }',
    '  - { no: "14", send: "AT+CMQTTPUB=0,1,60", expect: OK, urc: ["+CMQTTRXSTART: 0,9,60", "+CMQTTPUB: 0,0"] }',
    '  - { no: "15", send: "AT+CSQ", expect: ["/^\\\\+CREG: (\\\\d+)/", OK] }',
    '  - { no: "16", send: AT+CMQTTSTOP, expect: OK, urc: ["+CMQTTSTOP: 0", "+CMQTTNONET"] }',
  ])
  t.same(
    codesAndLines(warnings),
    [
      ['urc-name-mismatch', 3],
      ['urc-name-mismatch', 7],
    ],
    'row 12 and a regex naming +CREG; data steps, RX URCs and NONET are fine',
  )
})

t.test('prompt-without-data and data-without-prompt', async t => {
  const warnings = lintYaml([
    'steps:',
    '  - { send: "AT+CMQTTTOPIC=0,3", expect: ">" }',
    '  - { send: AT, expect: OK }',
    '  - { data: abc, expect: OK }',
  ])
  t.same(codesAndLines(warnings), [
    ['prompt-without-data', 3],
    ['data-without-prompt', 5],
  ])
})

t.test('duplicate-step-number and step-number-order', async t => {
  const warnings = lintYaml([
    'steps:',
    ...['1', '2', '2.1', '2a', '4.1', '4.2', '3', '4.2', '10'].map(no => `  - { no: "${no}", send: AT, expect: OK }`),
  ])
  t.same(codesAndLines(warnings), [
    ['step-number-order', 9],
    ['duplicate-step-number', 10],
  ])
  t.ok(
    compareStepNumbers('2', '2a') < 0 &&
      compareStepNumbers('2.1', '2a') < 0 &&
      compareStepNumbers('9', '10') < 0 &&
      compareStepNumbers('4.10', '4.9') > 0,
  )
})

t.test('no-expectation: a command or data step that expects nothing', async t => {
  const warnings = lintYaml([
    'steps:',
    '  - send: AT',
    '  - { send: AT, urc: "+X: 1" }',
    '  - sleep: 1s',
    '  - { send: AT, broker: { received: { topic: t } } }',
  ])
  t.same(codesAndLines(warnings), [['no-expectation', 3]])
})

t.test('undefined-variable: vars, --var and earlier captures count as defined', async t => {
  const warnings = lintYaml(
    [
      'vars: { client: 0 }',
      'abort: ["{{oops}}"]',
      'steps:',
      '  - { send: "AT+CSQ", expect: ["/^\\\\+CSQ: (?<rssi>\\\\d+),\\\\d+$/", OK] }',
      '  - { send: "AT+X={{client}},{{rssi}},{{apn}},{{env.HOME}}", expect: OK }',
      '  - { send: "AT+Y={{later}}", expect: OK }',
      '  - { send: "AT+Z", expect: ["/^\\\\+Z: (?<later>\\\\d+)$/", OK] }',
    ],
    { apn: 'internet' },
  )
  t.same(
    warnings.map(d => [d.code, d.at.line, d.message]),
    [
      ['undefined-variable', 3, "variable 'oops' is not defined"],
      ['undefined-variable', 7, "variable 'later' is not defined"],
    ],
    'a capture only defines names for the steps after it',
  )
})

t.test('todo-step: a row the importer could not read', async t => {
  t.same(codesAndLines(lintYaml(['steps:', '  - { no: "1", todo: "1 | PDP Context 설정 | ||" }'])), [['todo-step', 3]])
})

t.test('lint reads the commands it knows from the sequence family: a generic modem knows no CMQTT lengths', async t => {
  const steps = ['steps:', '  - { no: "1", send: "AT+CMQTTTOPIC=0,5", expect: ">" }', '  - { no: "2", data: "abc", expect: OK }']
  t.same(codesAndLines(lintYaml(['device: simcom-a76xx', ...steps])), [['prompt-length-mismatch', 5]])
  t.same(codesAndLines(lintYaml(['device: generic', ...steps])), [], 'the generic family declares no prompt lengths')
  t.same(codesAndLines(lintYaml(steps)), [['prompt-length-mismatch', 4]], 'no device: every family is asked')
})
