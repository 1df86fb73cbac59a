import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { lintSequence, loadSequence, loadSequenceText, type Diagnostic } from '../../../src/sequence/index.js'

function lintYaml(lines: string[]): Array<[string, number]> {
  const { sequence, diagnostics } = loadSequenceText('lint.yaml', Buffer.from(['sequence: lint', 'device: quectel', ...lines].join('\n')))
  if (sequence === undefined) throw new Error(`fixture invalid: ${JSON.stringify(diagnostics)}`)
  return lintSequence(sequence).map((d: Diagnostic) => [d.code, d.at.line])
}

const SUBSCRIBE = '  - { send: \'AT+QMTSUB=0,1,"t",1\', expect: OK }'
const PUBLISH_CRLF = ['  - { send: \'AT+QMTPUB=0,1,1,0,"t"\', expect: ">" }', '  - { data: "a\\r\\nOK\\r\\nb", end: ctrl-z, expect: OK }']

t.test('a client subscribed without the length gets a CR LF payload from itself or the broker: warned', async t => {
  t.same(lintYaml(['steps:', SUBSCRIBE, ...PUBLISH_CRLF]), [['unframed-mqtt-payload', 6]])
  t.same(
    lintYaml(['vars: { p: "x\\ny" }', 'steps:', SUBSCRIBE, '  - { publish: { topic: t, payload: "{{p}}" } }']),
    [['unframed-mqtt-payload', 6]],
    'a payload from a variable counts',
  )
})

t.test('with recv/mode msg_len_enable, without a subscription, or a one-line payload: no warning', async t => {
  t.same(lintYaml(['steps:', '  - { send: \'AT+QMTCFG="recv/mode",0,0,1\', expect: OK }', SUBSCRIBE, ...PUBLISH_CRLF]), [])
  t.same(lintYaml(['steps:', ...PUBLISH_CRLF]), [], 'publishing only')
  t.same(lintYaml(['steps:', SUBSCRIBE, '  - { publish: { topic: t, payload: one line } }']), [])
  t.same(
    lintYaml(['steps:', '  - { send: \'AT+QMTCFG="recv/mode",1,0,1\', expect: OK }', SUBSCRIBE, ...PUBLISH_CRLF]).map(([code]) => code),
    ['unframed-mqtt-payload'],
    'the length is set per client',
  )
})

t.test('the Quectel MQTT suite lints clean of it', async t => {
  const dir = 'sequences/quectel/mqtt'
  for (const file of readdirSync(dir).filter(name => name.endsWith('.yaml') && name !== 'suite.yaml')) {
    const { sequence } = await loadSequence(join(dir, file))
    t.same(
      (sequence ? lintSequence(sequence) : []).filter(d => d.code === 'unframed-mqtt-payload'),
      [],
      file,
    )
  }
})
