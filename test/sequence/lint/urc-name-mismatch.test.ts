import t from 'tap'
import { lintSequence, loadSequenceText } from '../../../src/sequence/index.js'

function lintUrc(lines: string[]): Array<[number, number, string, string | undefined]> {
  const { sequence, diagnostics } = loadSequenceText('lint.yaml', Buffer.from(['sequence: lint', 'steps:', ...lines].join('\n')))
  if (sequence === undefined) throw new Error(`fixture invalid: ${JSON.stringify(diagnostics)}`)
  return lintSequence(sequence)
    .filter(d => d.code === 'urc-name-mismatch')
    .map(d => [d.at.line, d.at.col, d.message, d.hint])
}

const UNSUB_HINT = 'AT+CMQTTUNSUB answers with +CMQTTUNSUB; check the command or the expected line'

t.test("a step expecting another command's +NAME line warns with the command it sent", async t => {
  t.same(lintUrc(['  - { no: 1, send: "AT+CMQTTUNSUB=0,5", expect: "+CMQTTSUB: 0,0" }']), [
    [3, 50, 'step 1: expects +CMQTTSUB but the command is AT+CMQTTUNSUB', UNSUB_HINT],
  ])
})

t.test('a /regex/ expected line is read by its +NAME after the ^ and \\+ it starts with', async t => {
  t.same(lintUrc(['  - { no: 1, send: "AT+CMQTTUNSUB=0,5", expect: "/^\\\\+CMQTTSUB: 0,0$/" }']), [
    [3, 51, 'step 1: expects +CMQTTSUB but the command is AT+CMQTTUNSUB', UNSUB_HINT],
  ])
  // Only a leading ^ is an anchor to skip; one after the name leaves no +NAME line.
  t.same(lintUrc(['  - { no: 1, send: "AT+CMQTTUNSUB=0,5", expect: "/\\\\+CMQTTSUB^/" }']), [])
})

t.test('a name no other step sends counts as a command once some step sends it', async t => {
  t.same(lintUrc(['  - { no: 1, send: "AT+ZZFOO=1", expect: OK }', '  - { no: 2, send: "AT+ZZBAR=1", expect: "+ZZFOO: 1" }']), [
    [4, 43, 'step 2: expects +ZZFOO but the command is AT+ZZBAR', 'AT+ZZBAR answers with +ZZBAR; check the command or the expected line'],
  ])
  t.same(lintUrc(['  - { no: 1, send: "AT+ZZBAR=1", expect: "+ZZQQQ: 1" }']), [], 'a name neither known nor sent may be a URC')
})

t.test('a data step is judged against the command that asked for it', async t => {
  t.same(lintUrc(['  - { no: 1, send: "AT+CMQTTUNSUB=0,5", expect: ">" }', '  - { no: 2, data: abcde, expect: "+CMQTTSUB: 0,0" }']), [
    [4, 36, 'step 2: expects +CMQTTSUB but the command is AT+CMQTTUNSUB', UNSUB_HINT],
  ])
})

t.test('a step that sends nothing ends what the last command can answer', async t => {
  t.same(
    lintUrc([
      '  - { no: 1, send: "AT+CMQTTUNSUB=0,5", expect: ">" }',
      '  - { no: 2, wait: "+CMQTTPING: 0", timeout: 1s }',
      '  - { no: 3, data: abcde, expect: "+CMQTTSUB: 0,0" }',
    ]),
    [],
  )
})

t.test('a basic command has no +NAME, so no expected line can mismatch it', async t => {
  t.same(lintUrc(['  - { no: 1, send: ATE0, expect: "+CMQTTSUB: 0,0" }']), [])
})

t.test('a line that must not arrive is not an expected answer', async t => {
  t.same(lintUrc(['  - { no: 1, send: "AT+CMQTTUNSUB=0,5", expect: [OK, { not: "+CMQTTSUB: 0,0" }] }']), [])
})
