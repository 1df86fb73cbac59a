import t from 'tap'
import { lintSequence, loadSequenceText } from '../../../src/sequence/index.js'

function lintCodes(lines: string[]): Array<[string, number, string | undefined]> {
  const { sequence, diagnostics } = loadSequenceText('lint.yaml', Buffer.from(['sequence: lint', ...lines].join('\n')))
  if (sequence === undefined) throw new Error(`fixture invalid: ${JSON.stringify(diagnostics)}`)
  return lintSequence(sequence)
    .filter(d => d.code === 'unknown-command')
    .map(d => [d.code, d.at.line, d.hint])
}

t.test("a misspelt command gets a suggestion from the vocabulary of the sequence's device", async t => {
  const steps = [
    'steps:',
    '  - { send: AT+CFTPSSTAR, expect: OK }',
    '  - { send: "AT+CMQTTSTART", expect: OK }',
    '  - { send: ATE0, expect: OK }',
  ]
  t.same(lintCodes(steps), [['unknown-command', 3, 'did you mean AT+CFTPSSTART?']])
  t.same(lintCodes(['device: simcom-a76xx', ...steps]), [['unknown-command', 4, 'did you mean AT+CFTPSSTART?']])
  t.same(lintCodes(['device: generic', ...steps]), [], 'a generic modem knows no SIMCom command to suggest')
})

t.test('a command with no likely match warns only for a device of a known family', async t => {
  const steps = ['steps:', '  - { send: "AT+ZZWQX=1,0", expect: OK }', '  - { send: "AT+CSQ", expect: OK }']
  t.same(lintCodes(steps), [], 'no device: another vendor may know it')
  t.same(lintCodes(['device: simcom-a76xx', ...steps]), [['unknown-command', 4, 'check the command name against the AT manual']])
})

t.test('file-system, FTPS and CCH commands are in the SIMCom vocabulary', async t => {
  t.same(
    lintCodes([
      'device: simcom-a76xx',
      'steps:',
      '  - { send: "AT+FSCD=F:/", expect: OK }',
      '  - { send: AT+FSLS, expect: OK }',
      '  - { send: AT+CFTPSSTART, expect: OK }',
      '  - { send: "AT+CCHOPEN=0,\\"example.com\\",443,2", expect: OK }',
      '  - { send: "AT+CGSN", expect: OK }',
    ]),
    [],
  )
})
