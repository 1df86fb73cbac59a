/** Steps on the server side: the broker publishes to the modem, the broker must have received a message or a will. */
import t from 'tap'
import { runYamlOnSim, stepNo } from '../helpers/run-on-sim.js'

const connect = `sequence: broker steps
device: simcom-a76xx
vars:
  topic: simcommsg
  payload: "hello\\r\\nOK"
setup:
  - send: AT+CMQTTSTART
    urc: "+CMQTTSTART: 0"
  - send: AT+CMQTTACCQ=0,"client-a"
  - send: AT+CMQTTWILLTOPIC=0,4
    expect: ">"
  - data: will
  - send: AT+CMQTTWILLMSG=0,4,1
    expect: ">"
  - data: gone
  - send: AT+CMQTTCONNECT=0,"tcp://broker.example:1883",60,1
    urc: "+CMQTTCONNECT: 0,0"
  - send: AT+CMQTTSUB=0,{{len topic}},1
    expect: ">"
  - data: "{{topic}}"
    urc: "+CMQTTSUB: 0,0"
`

/** Steps 1-5: the modem publishes `hi` on `hello` with QoS 1. */
const PUBLISH_HELLO_HI = `  - no: "1"
    send: AT+CMQTTTOPIC=0,5
    expect: ">"
  - no: "2"
    data: hello
  - no: "3"
    send: AT+CMQTTPAYLOAD=0,2
    expect: ">"
  - no: "4"
    data: hi
  - no: "5"
    send: AT+CMQTTPUB=0,1,60
    urc: "+CMQTTPUB: 0,0"
`

t.test('a publish step reaches the modem as RX URCs with the payload read by length', async t => {
  const { record } = await runYamlOnSim(
    t,
    `${connect}
steps:
  - no: "1"
    publish: { topic: "{{topic}}", payload: "{{payload}}", qos: 1 }
    urc:
      - "+CMQTTRXSTART: 0,{{len topic}},{{len payload}}"
      - "+CMQTTRXTOPIC: 0,{{len topic}}"
      - "+CMQTTRXPAYLOAD: 0,{{len payload}}"
      - "+CMQTTRXEND: 0"
`,
  )
  t.equal(record.status, 'passed', JSON.stringify(record.steps.map(s => s.reason)))
  const received = stepNo(record, '1').received.map(line => `${line.kind}:${line.text}`)
  t.ok(received.includes('payload:hello\r\nOK'), `the payload with CR LF and OK inside arrives whole: ${JSON.stringify(received)}`)
})

t.test('the broker check sees what the modem published, and the will after the network drops', async t => {
  const { record } = await runYamlOnSim(
    t,
    `${connect}
steps:
${PUBLISH_HELLO_HI}    broker: { received: { topic: hello, payload: hi, qos: 1 } }
  - no: "6"
    wait: "+CMQTTCONNLOST: 0,3"
    broker: { received: { topic: will, payload: gone }, will: true }
`,
    {
      onStepEnd: (step, modem) => {
        if (step.no === '5') modem?.dropNetwork()
      },
    },
  )
  t.equal(record.status, 'passed', JSON.stringify(record.steps.map(s => s.reason)))
  t.ok(
    stepNo(record, '5').expected.includes('broker: topic hello, payload "hi", qos 1'),
    'the expected column names every property checked',
  )
  t.ok(stepNo(record, '6').expected.includes('broker: will, topic will, payload "gone"'))
})

t.test('a broker check that does not hold fails with what the broker did see', async t => {
  const { record } = await runYamlOnSim(
    t,
    `${connect}
steps:
${PUBLISH_HELLO_HI}    within: 300ms
    broker: { received: { topic: hello, payload: bye } }
`,
  )
  const step = stepNo(record, '5')
  t.equal(step.status, 'failed')
  t.match(step.reason, /expected the broker to receive a message on `hello` with payload `bye`.*hello/)
  t.ok(step.expected.includes('broker: topic hello, payload "bye"'), JSON.stringify(step.expected))
})
