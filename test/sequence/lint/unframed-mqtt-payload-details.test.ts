import t from 'tap'
import { lintSequence, loadSequenceText } from '../../../src/sequence/index.js'

function lintUnframed(lines: string[]): Array<[number, string, string | undefined]> {
  const { sequence, diagnostics } = loadSequenceText('lint.yaml', Buffer.from(['sequence: lint', 'device: quectel', ...lines].join('\n')))
  if (sequence === undefined) throw new Error(`fixture invalid: ${JSON.stringify(diagnostics)}`)
  return lintSequence(sequence)
    .filter(d => d.code === 'unframed-mqtt-payload')
    .map(d => [d.at.line, d.message, d.hint])
}

const PUBLISH_CRLF = [
  '  - { no: 9, send: \'AT+QMTPUB=0,1,1,0,"t"\', expect: ">" }',
  '  - { no: 10, data: "a\\r\\nb", end: ctrl-z, expect: OK }',
]
const subscribe = (client: string): string => `  - { send: 'AT+QMTSUB=${client},1,"t",1', expect: OK }`
const message = (clients: string): string =>
  `step 10: publishes a payload holding CR or LF to a client whose +QMTRECV gives no length (client ${clients})`
const hint = (client: string): string => `send AT+QMTCFG="recv/mode",${client},0,1 before AT+QMTOPEN, so the payload is read by its length`

t.test('the warning names every unframed client and how to frame the first', async t => {
  t.same(lintUnframed(['steps:', subscribe('10'), subscribe('1'), ...PUBLISH_CRLF]), [[7, message('10, 1'), hint('10')]])
})

t.test('recv/mode frames only the client it names, when it is the whole command', async t => {
  const cfg = (text: string): string => `  - { send: '${text}', expect: OK }`
  t.same(lintUnframed(['steps:', cfg('AT+QMTCFG="recv/mode",10,0,1'), subscribe('10'), ...PUBLISH_CRLF]), [])
  t.same(lintUnframed(['steps:', cfg('AT+QMTCFG="recv/mode",0,0,1 '), subscribe('0'), ...PUBLISH_CRLF]), [], 'trailing space')
  t.same(lintUnframed(['steps:', cfg('AT+QMTCFG="recv/mode",0,0,12'), subscribe('0'), ...PUBLISH_CRLF]), [[7, message('0'), hint('0')]])
  t.same(
    lintUnframed(['steps:', cfg('AT+QMTSUB=0,1,"t",1;AT+QMTCFG="recv/mode",0,0,1'), ...PUBLISH_CRLF]),
    [[6, message('0'), hint('0')]],
    'a recv/mode inside another command line does not count',
  )
})

t.test('a subscription counts only when the line starts with AT+QMTSUB', async t => {
  t.same(lintUnframed(['steps:', `  - { send: ' AT+QMTSUB=0,1,"t",1', expect: OK }`, ...PUBLISH_CRLF]), [[6, message('0'), hint('0')]])
  t.same(lintUnframed(['steps:', `  - { send: 'AT+QMTUNS=0,2,"AT+QMTSUB=0,"', expect: OK }`, ...PUBLISH_CRLF]), [])
})

t.test('only data right after AT+QMTPUB or AT+QMTPUBEX is a published payload', async t => {
  t.same(
    lintUnframed([
      'steps:',
      subscribe('0'),
      `  - { send: ' AT+QMTPUBEX=0,1,1,0,"t",4', expect: ">" }`,
      '  - { no: 10, data: "a\\r\\nb", expect: OK }',
    ]),
    [[6, message('0'), hint('0')]],
  )
  t.same(
    lintUnframed([
      'steps:',
      subscribe('0'),
      `  - { send: 'AT+QFUPL="a.txt",4', expect: CONNECT }`,
      '  - { no: 10, data: "a\\r\\nb", expect: OK }',
    ]),
    [],
  )
  t.same(
    lintUnframed(['steps:', `  - { send: 'AT+QMTSUB=0,1,"AT+QMTPUB=",1', expect: ">" }`, '  - { no: 10, data: "a\\r\\nb", expect: OK }']),
    [],
  )
})

t.test('a payload from a variable is read with spaces inside the braces', async t => {
  t.same(
    lintUnframed([
      'vars: { pl: "x\\ny" }',
      'steps:',
      subscribe('0'),
      '  - { no: 9, send: \'AT+QMTPUB=0,1,1,0,"t"\', expect: ">" }',
      '  - { no: 10, data: "{{ pl }}", end: ctrl-z, expect: OK }',
    ]),
    [[7, message('0'), hint('0')]],
  )
})

t.test('hex data written over two lines is read as its bytes, which hold no line break', async t => {
  t.same(
    lintUnframed([
      'steps:',
      subscribe('0'),
      '  - { no: 9, send: \'AT+QMTPUB=0,1,1,0,"t"\', expect: ">" }',
      '  - { no: 10, data: "61\\n62", hex: true, end: ctrl-z, expect: OK }',
    ]),
    [],
  )
})
