import t from 'tap'
import { liftDraftSecrets } from '../../src/capture/draft-secrets.js'
import type { DraftStep } from '../../src/capture/draft-steps.js'
import { writeDraft } from '../../src/capture/write-draft.js'
import { lintSequence, loadSequenceText } from '../../src/sequence/index.js'

const ok = [{ kind: 'exact' as const, text: 'OK' }]

function send(no: string, command: string): DraftStep {
  return { no, action: { kind: 'send', command }, expect: ok, urcs: [] }
}

t.test('credentials a session showed become vars marked secret, never literals', async t => {
  const steps: DraftStep[] = [
    send('1', 'AT+CMQTTCONNECT=0,"tcp://bob:urlpass@h:1883",60,1,"mqttuser","mqttpass"'),
    send('2', 'AT+CSSLCFG="password",0,"keypass"'),
    send('3', 'AT+CSSLCFG="sslversion",0,4'),
    send('4', 'AT+CMQTTCONNECT=1,"tcp://h:1883",60,1,"mqttuser","otherpass"'),
    {
      no: '5.1',
      action: { kind: 'data', data: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n', end: 'none' },
      expect: ok,
      urcs: [],
    },
  ]
  const lifted = liftDraftSecrets(steps)
  t.same(lifted.secretNames, ['mqtt_user', 'mqtt_password', 'url_credentials', 'ssl_key_password', 'mqtt_password_2', 'private_key'])
  t.same(
    lifted.steps.map(step => (step.action.kind === 'send' ? step.action.command : step.action.data)),
    [
      'AT+CMQTTCONNECT=0,"tcp://{{url_credentials}}@h:1883",60,1,"{{mqtt_user}}","{{mqtt_password}}"',
      'AT+CSSLCFG="password",0,"{{ssl_key_password}}"',
      'AT+CSSLCFG="sslversion",0,4',
      'AT+CMQTTCONNECT=1,"tcp://h:1883",60,1,"{{mqtt_user}}","{{mqtt_password_2}}"',
      '{{private_key}}',
    ],
  )
  const text = writeDraft(
    { name: 'x', source: 'recorded', defaultTimeoutMs: 10_000, ambient: [], secretNames: lifted.secretNames },
    lifted.steps,
  )
  for (const literal of ['bob', 'urlpass', 'mqttuser', 'mqttpass', 'keypass', 'otherpass', 'MIIE']) t.notOk(text.includes(literal), literal)
  const loaded = loadSequenceText('draft.yaml', Buffer.from(text))
  t.same(loaded.diagnostics, [], 'the draft validates')
  const sequence = loaded.sequence
  if (!sequence) return
  t.same(
    lintSequence(sequence).filter(d => d.code === 'undefined-variable'),
    [],
    'every lifted name is declared',
  )
  t.same(
    Object.entries(sequence.vars)
      .filter(([, v]) => v.secret)
      .map(([name]) => name),
    lifted.secretNames,
  )
})
