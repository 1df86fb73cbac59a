/**
 * A PASS means the modem did what the sequence says: one received line satisfies at most one
 * expectation, and a line is listed as an unexpected URC once in a run.
 */
import t from 'tap'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { slowModem } from '../helpers/slow-modem.js'
import { serveScriptedPeer } from '../helpers/serve-scripted-peer.js'
import { runYamlOnSim, stepNo } from '../helpers/run-on-sim.js'

t.test('one +CMQTTSTART: 0 satisfies the send step that expects it, not also a later wait step', async t => {
  const port = await serveScriptedPeer(t, () => new ScriptedPeer().on('AT+CMQTTSTART\r', '\r\nOK\r\n\r\n+CMQTTSTART: 0\r\n'))
  const { record } = await runYamlOnSim(
    t,
    `sequence: claimed once
device: simcom-a76xx
steps:
  - no: "1"
    send: AT+CMQTTSTART
    expect: ["+CMQTTSTART: 0", OK]
  - no: "2"
    wait: "+CMQTTSTART: 0"
    within: 300ms
    continue_on_failure: true
`,
    { device: `tcp://127.0.0.1:${port}`, identify: false },
  )
  t.equal(stepNo(record, '1').status, 'passed')
  t.equal(stepNo(record, '2').status, 'failed')
  t.equal(stepNo(record, '2').failure?.kind, 'urc-timeout')
})

t.test('a URC matched by a send step expect line is not taken again by the same step urc', async t => {
  const port = await serveScriptedPeer(t, () => new ScriptedPeer().on('AT+CMQTTSTART\r', '\r\n+CMQTTSTART: 0\r\n\r\nOK\r\n'))
  const { record } = await runYamlOnSim(
    t,
    `sequence: one line one expectation
device: simcom-a76xx
steps:
  - no: "1"
    send: AT+CMQTTSTART
    expect: ["+CMQTTSTART: 0", OK]
    urc: "+CMQTTSTART: 0"
    within: 300ms
`,
    { device: `tcp://127.0.0.1:${port}`, identify: false },
  )
  t.equal(stepNo(record, '1').status, 'failed')
  t.equal(stepNo(record, '1').failure?.kind, 'urc-timeout')
})

t.test('an unused URC is listed under the step it arrived in, not again under a later wait step', async t => {
  const port = await serveScriptedPeer(t, () =>
    new ScriptedPeer().on('AT\r', '\r\n+CMQTTNONET\r\n\r\nOK\r\n').on('AT+CMQTTSTART\r', '\r\nOK\r\n\r\n+CMQTTSTART: 0\r\n'),
  )
  const { record } = await runYamlOnSim(
    t,
    `sequence: listed once
device: simcom-a76xx
steps:
  - no: "1"
    send: AT
  - no: "2"
    send: AT+CMQTTSTART
  - no: "3"
    wait: "+CMQTTSTART: 0"
    within: 2s
`,
    { device: `tcp://127.0.0.1:${port}`, identify: false },
  )
  t.same(stepNo(record, '1').unexpectedUrcs, ['+CMQTTNONET'])
  t.equal(stepNo(record, '3').status, 'passed')
  const listings = record.steps.flatMap(step => step.unexpectedUrcs).filter(line => line === '+CMQTTNONET')
  t.equal(listings.length, 1, 'listed once in the run')
  t.notOk(stepNo(record, '3').unexpectedUrcs.includes('+CMQTTSTART: 0'), 'the URC the wait step used is not unexpected')
})

t.test('a sequence sets the settle time: the next command is written after it, not after the default 2 s', async t => {
  const port = await serveScriptedPeer(t, () => new ScriptedPeer().on('AT+B\r', '\r\nOK\r\n'))
  const { record } = await runYamlOnSim(
    t,
    `sequence: settle
device: simcom-a76xx
settle: 50ms
steps:
  - no: "1"
    send: AT+A
    timeout: 100ms
    continue_on_failure: true
  - no: "2"
    send: AT+B
    timeout: 1s
`,
    { device: `tcp://127.0.0.1:${port}`, identify: false },
  )
  t.equal(stepNo(record, '2').status, 'passed')
  const notes = record.transcript.filter(entry => entry.dir === 'note').map(entry => entry.data)
  t.ok(
    notes.some(note => note.includes('no late answer to `AT+A` within 50 ms')),
    notes.join(' | '),
  )
})

t.test('a step the modem answers ERROR fails even when the previous step timed out and its OK came late', async t => {
  const port = await serveScriptedPeer(t, () => slowModem({ 'AT+CGATT=1': '\r\nOK\r\n', 'AT+CGACT=1,1': '\r\nERROR\r\n' }, 300))
  const { record } = await runYamlOnSim(
    t,
    `sequence: late answer
device: simcom-a76xx
steps:
  - no: "1"
    send: AT+CGATT=1
    timeout: 100ms
    continue_on_failure: true
  - no: "2"
    send: AT+CGACT=1,1
    timeout: 2s
`,
    { device: `tcp://127.0.0.1:${port}`, identify: false },
  )
  t.equal(stepNo(record, '1').failure?.kind, 'no-final')
  t.equal(stepNo(record, '2').status, 'failed')
  t.equal(stepNo(record, '2').failure?.kind, 'final-mismatch')
  t.notOk(
    stepNo(record, '2').received.some(line => line.text === 'OK'),
    'the late OK is not shown as step 2 evidence',
  )
})
