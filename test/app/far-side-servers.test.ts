/**
 * The far side of a `sim://` run, in-process: the echo server behind `tcp`/`udp` and the simulated network behind
 * `network`, as `serve:` and `server:` steps reach them; and what a replay of such a run does with them.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { runSequenceFile } from '../../src/app/run-sequence-file.js'
import { loadSequence } from '../../src/sequence/load-sequence.js'
import { runYamlOnSim, stepNo } from '../helpers/run-on-sim.js'
import { sequenceRunOptions } from '../helpers/run-options.js'

const OPEN_LINK = `sequence: far side
device: simcom-a76xx
timeout: 5s
abort: '/^\\+IPCLOSE: /'
steps:
  - no: "1"
    send: AT+NETOPEN
    urc: "+NETOPEN: 0"
  - no: "2"
    send: AT+CIPOPEN=0,"TCP","echo.example.com",7
    urc: "+CIPOPEN: 0,0"
`

for (const device of ['sim://simcom-a76xx', 'sim://simcom-sim7600']) {
  t.test(`${device}: the echo server receives what the modem sends and sends on its own, pushed as +IPD`, async t => {
    const { record, reportPaths } = await runYamlOnSim(
      t,
      `${OPEN_LINK}  - no: "3"
    send: AT+CIPSEND=0,7
    expect: ">"
  - no: "4"
    data: "hello\\r\\n"
    urc: "+CIPSEND: 0,7,7"
    server: { tcp: { received: "hello\\r\\n" } }
  - no: "5"
    wait: ["/^RECV FROM:/", "+IPD7", "hello\\r\\n"]
  - no: "6"
    serve: { tcp: { send: { hex: "70 69 6e 67" } } }
    urc: ["/^RECV FROM:/", "+IPD4", "ping"]
  - no: "7"
    server: { tcp: { received: "bye" } }
    timeout: 200ms
`,
      { device },
    )
    t.same(
      record.steps.map(step => [step.no, step.status]),
      [
        ['1', 'passed'],
        ['2', 'passed'],
        ['3', 'passed'],
        ['4', 'passed'],
        ['5', 'passed'],
        ['6', 'passed'],
        ['7', 'failed'],
      ],
      JSON.stringify(record.steps.map(step => step.reason)),
    )
    t.equal(stepNo(record, '7').failure?.kind, 'server-timeout')
    const html = readFileSync(reportPaths.find(path => path.endsWith('.html')) ?? '', 'utf8')
    t.match(html, /<code>server: tcp received &quot;bye&quot;<\/code>/, "the HTML shows the failed step's check under Expected")
    t.match(html, /<code class="r-server">tcp #1: &quot;hello\\r\\n&quot;<\/code>/, 'and what arrived under Received')
    t.match(stepNo(record, '7').reason, /tcp #1: "hello\\r\\n"/, 'the failure says what the server did receive')
  })
}

t.test('network drop brings the modem its network-lost URCs; restore lets it open the network again', async t => {
  const { record } = await runYamlOnSim(
    t,
    `${OPEN_LINK}  - no: "3"
    serve: { network: drop }
    urc: "+CIPEVENT: NETWORK CLOSED UNEXPECTEDLY"
  - no: "4"
    send: AT+CGATT?
    expect: ["+CGATT: 0", OK]
  - no: "5"
    serve: { network: restore }
  - no: "6"
    send: AT+CGATT?
    expect: ["+CGATT: 1", OK]
`,
  )
  t.equal(record.status, 'passed', JSON.stringify(record.steps.map(step => [step.no, step.reason])))
})

t.test('network signal sets AT+CSQ and AT+CESQ; 99 is no signal and loses the network until a signal returns', async t => {
  const { record } = await runYamlOnSim(
    t,
    `sequence: signal
device: simcom-a76xx
steps:
  - no: "1"
    serve: { network: { signal: 7 } }
  - no: "2"
    send: AT+CSQ
    expect: ["/^\\\\+CSQ: 7,\\\\d+$/", OK]
  - no: "3"
    send: AT+CESQ
    expect: ["+CESQ: 99,99,255,255,20,15", OK]
  - no: "4"
    serve: { network: { signal: 99 } }
  - no: "5"
    send: AT+CSQ
    expect: ["+CSQ: 99,99", OK]
  - no: "6"
    send: AT+CESQ
    expect: ["+CESQ: 99,99,255,255,255,255", OK]
  - no: "7"
    send: AT+CGATT?
    expect: ["+CGATT: 0", OK]
  - no: "8"
    serve: { network: { signal: 20 } }
  - no: "9"
    send: AT+CSQ
    expect: ["/^\\\\+CSQ: 20,\\\\d+$/", OK]
  - no: "10"
    send: AT+CGATT?
    expect: ["+CGATT: 1", OK]
`,
  )
  t.equal(record.status, 'passed', JSON.stringify(record.steps.map(step => [step.no, step.reason])))
})

t.test('a replay acts on nothing for serve: and errors a server: check as not replayable', async t => {
  const live = await runYamlOnSim(
    t,
    `${OPEN_LINK}  - no: "3"
    serve: { tcp: { send: ping } }
    urc: ["/^RECV FROM:/", "+IPD4", "ping"]
  - no: "4"
    server: { tcp: { received: ping } }
    timeout: 100ms
`,
  )
  t.equal(stepNo(live.record, '3').status, 'passed')
  t.equal(stepNo(live.record, '4').failure?.kind, 'server-timeout', 'live, the check is judged: the modem sent nothing back')
  const loaded = await loadSequence(join(live.dir, 'sequence.yaml'))
  const recording = live.reportPaths.find(path => path.endsWith('.json')) ?? ''
  const replay = await runSequenceFile(
    loaded.sequence!,
    sequenceRunOptions(join(live.dir, 'replay'), { device: `replay://${recording}?fast=1` }),
  )
  t.equal(stepNo(replay.record, '3').status, 'passed', 'the URCs a serve step caused come back from the recording')
  t.equal(stepNo(replay.record, '4').failure?.kind, 'server-missing')
  t.match(stepNo(replay.record, '4').reason, /replay/)
})

t.test('network drop ends a connected MQTT session with its URCs; after restore the service starts again', async t => {
  const { record } = await runYamlOnSim(
    t,
    `sequence: mqtt and the network
device: simcom-a76xx
timeout: 5s
steps:
  - no: "1"
    send: AT+CMQTTSTART
    urc: "+CMQTTSTART: 0"
  - no: "2"
    send: AT+CMQTTACCQ=0,"client-a"
  - no: "3"
    send: AT+CMQTTCONNECT=0,"tcp://broker.example:1883",60,1
    urc: "+CMQTTCONNECT: 0,0"
  - no: "4"
    serve: { network: drop }
    urc: ["+CMQTTCONNLOST: 0,3", "+CMQTTNONET"]
  - no: "5"
    serve: { network: restore }
  - no: "6"
    send: AT+CMQTTSTART
    urc: "+CMQTTSTART: 0"
`,
  )
  t.equal(record.status, 'passed', JSON.stringify(record.steps.map(step => [step.no, step.reason])))
})
