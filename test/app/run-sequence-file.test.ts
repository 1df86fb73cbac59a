import t from 'tap'
import { existsSync, readFileSync } from 'node:fs'
import type { StepResult } from '../../src/model/run-record.js'
import { runYamlOnSim, stepNo } from '../helpers/run-on-sim.js'

const header = 'sequence: runner test\ndevice: simcom-a76xx\n'

t.test('a passing sequence passes every step and writes html, junit, json and the transcript', async t => {
  const { record, reportPaths } = await runYamlOnSim(
    t,
    `${header}
steps:
  - no: "1"
    send: AT
    expect: OK
  - no: "2"
    send: AT+CPIN?
    expect: ["+CPIN: READY", OK]
`,
  )
  t.equal(record.status, 'passed')
  t.equal(record.exitCode, 0)
  t.same(record.counts, { passed: 2, failed: 0, errored: 0, skipped: 0 })
  t.match(record.device.identity, { manufacturer: /SIMCOM/ })
  for (const ending of ['.html', '.junit.xml', '.json', '.transcript.txt']) {
    const path = reportPaths.find(p => p.endsWith(ending))
    t.ok(path && existsSync(path), `wrote ${ending}`)
  }
})

t.test('a wrong expectation fails its step with what was expected and what arrived, and exits 1', async t => {
  const { record } = await runYamlOnSim(
    t,
    `${header}
steps:
  - no: "1"
    send: AT+CPIN?
    expect: ["+CPIN: SIM PIN", OK]
    timeout: 300ms
  - no: "2"
    send: AT
`,
  )
  t.equal(record.status, 'failed')
  t.equal(record.exitCode, 1)
  const step = stepNo(record, '1')
  t.equal(step.status, 'failed')
  t.match(step.reason, /expected line `\+CPIN: SIM PIN`.*\+CPIN: READY/)
  t.ok(
    step.received.some(line => line.text === '+CPIN: READY'),
    'the received column shows what came',
  )
  t.equal(stepNo(record, '2').status, 'skipped', 'later steps are skipped after a failure')
})

t.test('a wrong final result code explains the SIMCom error code before it', async t => {
  const { record } = await runYamlOnSim(
    t,
    `${header}
steps:
  - no: "1"
    send: AT+CMQTTSTART
    urc: "+CMQTTSTART: 0"
  - no: "2"
    send: AT+CMQTTSTART
    expect: OK
teardown:
  - send: AT+CMQTTSTOP
    expect: /^(OK|ERROR)$/
`,
    // a SIM7600 prints +CMQTTSTART: 23 before ERROR; an A76XX answers a plain ERROR
    { device: 'sim://simcom-sim7600' },
  )
  const step = stepNo(record, '2')
  t.equal(step.status, 'failed')
  t.match(step.reason, /expected `OK`, got `ERROR` after `\+CMQTTSTART: 23` \(23 = network is opened\)/)
})

t.test('a command with no answer in time fails as a timeout', async t => {
  const { record } = await runYamlOnSim(
    t,
    `${header}
steps:
  - no: "1"
    send: AT
    timeout: 200ms
`,
    { identify: false, onSimModem: modem => modem.setLatency(1500) },
  )
  const step = stepNo(record, '1')
  t.equal(step.status, 'failed')
  t.match(step.reason, /got no final result code/)
})

t.test('retry polls until the expectation holds and records the attempts', async t => {
  let polls = 0
  const { record } = await runYamlOnSim(
    t,
    `${header}
steps:
  - no: "1"
    send: AT+CREG?
    expect: ["+CREG: 0,1", OK]
    retry: { times: 10, every: 50ms }
`,
    {
      onSimModem: modem => {
        modem.dropNetwork()
        const original = modem.receive.bind(modem)
        modem.receive = (bytes: Buffer): void => {
          if (bytes.toString().startsWith('AT+CREG?') && ++polls === 3) modem.restoreNetwork()
          original(bytes)
        }
      },
    },
  )
  const step = stepNo(record, '1')
  t.equal(step.status, 'passed')
  t.equal(step.attempts, 3, 'the third poll saw the network and was the last')
  t.equal(polls, 3, 'no poll after the one that passed')
  const log = step.attemptLog ?? []
  t.same(
    log.map(attempt => [attempt.n, attempt.status]),
    [
      [1, 'failed'],
      [2, 'failed'],
      [3, 'passed'],
    ],
    'each attempt is kept, the passing one too',
  )
  t.match(
    log[0],
    { failure: { kind: String }, reason: String, received: [{ kind: 'echo' }, { text: /^\+CREG: 0,[^1]/ }] },
    'what the first got and why it failed',
  )
  t.match(log[2]?.received, [{ kind: 'echo' }, { text: '+CREG: 0,1' }, { text: 'OK' }], 'what the last got')
  t.notOk('reason' in (log[2] ?? {}), 'the passing attempt has no reason')
  for (let i = 1; i < log.length; i++)
    t.ok(log[i]!.startedAtMs >= log[i - 1]!.startedAtMs + log[i - 1]!.durationMs, `attempt ${i + 1} starts after ${i} ends`)
  t.ok(
    log[0]!.startedAtMs >= step.startedAtMs && log[2]!.startedAtMs + log[2]!.durationMs <= step.startedAtMs + step.durationMs + 1,
    'within the step',
  )
})

t.test('retry makes exactly times + 1 attempts, every apart, and then fails', async t => {
  const sent: number[] = []
  const { record } = await runYamlOnSim(
    t,
    `${header}
steps:
  - no: "1"
    send: AT+CREG?
    expect: ["+CREG: 0,1", OK]
    retry: { times: 2, every: 200ms }
`,
    {
      identify: false,
      onSimModem: modem => {
        modem.dropNetwork()
        const original = modem.receive.bind(modem)
        modem.receive = (bytes: Buffer): void => {
          if (bytes.toString().startsWith('AT+CREG?')) sent.push(performance.now())
          original(bytes)
        }
      },
    },
  )
  const step = stepNo(record, '1')
  t.equal(step.status, 'failed')
  t.equal(step.attempts, 3)
  t.equal(sent.length, 3, 'the modem saw three commands')
  t.same(
    step.attemptLog?.map(attempt => attempt.status),
    ['failed', 'failed', 'failed'],
  )
  for (let i = 1; i < sent.length; i++)
    t.ok(sent[i]! - sent[i - 1]! >= 190, `attempt ${i + 1} came ${Math.round(sent[i]! - sent[i - 1]!)} ms after the one before`)
})

t.test('named captures become variables for later steps, and captured identifiers are masked', async t => {
  const { record } = await runYamlOnSim(
    t,
    `${header}
steps:
  - no: "1"
    send: AT+CSQ
    expect: ["/^\\\\+CSQ: (?<rssi>\\\\d+),(?<ber>\\\\d+)$/", OK]
  - no: "2"
    send: AT+CSQ
    expect: ["+CSQ: {{rssi}},{{ber}}", OK]
  - no: "3"
    send: AT+CGSN
    expect: ["/^(?<imei>\\\\d{15})$/", OK]
`,
  )
  t.equal(record.status, 'passed', JSON.stringify(record.steps.map(s => s.reason)))
  t.match(stepNo(record, '1').captures, { rssi: /^\d+$/, ber: /^\d+$/ })
  t.notMatch(JSON.stringify(record), /864000000000005/, 'the simulated IMEI appears nowhere in the record')
  t.equal(stepNo(record, '3').captures.imei, '000000000000000', 'masked keeping its shape')
})

t.test('an abort line fails the running step at once', async t => {
  const { record } = await runYamlOnSim(
    t,
    `${header}
abort: ["+CMQTTNONET"]
steps:
  - no: "1"
    send: AT+CMQTTSTART
    urc: "+CMQTTSTART: 0"
  - no: "2"
    wait: "+CMQTTRXSTART: 0,9,10"
    timeout: 20s
`,
    {
      onStepEnd: (step, modem) => {
        if (step.no === '1') setTimeout(() => modem?.dropNetwork(), 50)
      },
    },
  )
  const step = stepNo(record, '2')
  t.equal(step.status, 'failed')
  t.match(step.reason, /abort line `\+CMQTTNONET` arrived/)
})

t.test('teardown runs after a failure', async t => {
  const { record } = await runYamlOnSim(
    t,
    `${header}
steps:
  - no: "1"
    send: AT+NOSUCHCOMMAND
    expect: OK
teardown:
  - no: t1
    send: AT
    expect: OK
`,
  )
  t.equal(stepNo(record, '1').status, 'failed')
  t.equal(stepNo(record, 't1', 'teardown').status, 'passed')
  t.equal(record.status, 'failed')
})

t.test('Ctrl-C (the run signal) stops the step, runs teardown and marks the run interrupted', async t => {
  const interrupt = new AbortController()
  const { record, reportPaths } = await runYamlOnSim(
    t,
    `${header}
steps:
  - no: "1"
    send: AT
  - no: "2"
    sleep: 30s
  - no: "3"
    send: AT
teardown:
  - no: t1
    send: AT
`,
    {
      signal: interrupt.signal,
      onStepEnd: step => {
        if (step.no === '1') setTimeout(() => interrupt.abort(), 20)
      },
    },
  )
  t.equal(record.status, 'interrupted')
  t.equal(record.exitCode, 130)
  t.equal(stepNo(record, '2').status, 'errored')
  t.equal(stepNo(record, '3').status, 'skipped')
  t.equal(stepNo(record, 't1', 'teardown').status, 'passed')
  const json = JSON.parse(readFileSync(reportPaths.find(p => p.endsWith('.json')) ?? '', 'utf8'))
  t.equal(json.status, 'interrupted', 'the written report says so')
})

t.test('a template with an undefined variable errors the step with its location and exits 2', async t => {
  const { record } = await runYamlOnSim(
    t,
    `${header}
steps:
  - no: "1"
    send: AT+CSQ
    expect: ["/^\\\\+CSQ: (?<rssi>\\\\d+),\\\\d+$/", OK]
  - no: "2"
    send: AT+X={{nosuch}}
`,
  )
  const step = stepNo(record, '2')
  t.equal(step.status, 'errored')
  t.match(step.reason, /sequence\.yaml:\d+:\d+/)
  t.equal(record.exitCode, 2)
})

t.test('secret vars are masked everywhere, including a --var whose name says it is a password', async t => {
  const shown: StepResult[] = []
  const { record } = await runYamlOnSim(
    t,
    `${header}
vars:
  user: alice
  token: { value: "tok-123456", secret: true }
steps:
  - no: "1"
    send: AT+CMQTTSTART
    urc: "+CMQTTSTART: 0"
  - no: "2"
    description: client id tok-123456
    send: AT+CMQTTACCQ=0,"{{token}}"
  - no: "3"
    send: AT+CMQTTTOPIC=0,{{len mqtt_password}}
    expect: ">"
  - no: "4"
    data: "{{mqtt_password}}"
`,
    { vars: { mqtt_password: 'hunter2hunter2' }, onStepEnd: step => void shown.push(step) },
  )
  t.equal(record.status, 'passed', JSON.stringify(record.steps.map(s => s.reason)))
  t.notOk(JSON.stringify(shown).includes('tok-123456'), 'what the console is given of each step is masked too')
  t.equal(shown[1]?.description, 'client id ••••••')
  const json = JSON.stringify(record)
  const transcript = record.transcript.map(entry => Buffer.from(entry.data, 'base64').toString('utf8')).join('')
  for (const secret of ['tok-123456', 'hunter2hunter2']) {
    t.notOk(json.includes(secret), `${secret} is not in the record`)
    t.notOk(transcript.includes(secret), `${secret} is not in the transcript`)
  }
  t.match(transcript, /AT\+CMQTTACCQ=0,"••••••"/)
})
