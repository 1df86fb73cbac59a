/**
 * `expect: { raw: ... }` on the simulator's transparent socket: the echo comes back with no line end, which only a
 * raw expectation can see; bytes that never come fail the step with `missing-bytes`.
 */
import t from 'tap'
import { runYamlOnSim } from '../helpers/run-on-sim.js'

const online = (dataStep: string): string => `
sequence: raw bytes
device: simcom-a76xx
timeout: 3s
steps:
  - no: "1"
    send: AT+CIPMODE=1
  - no: "2"
    send: AT+NETOPEN
    expect: OK
    urc: "+NETOPEN: 0"
  - no: "3"
    send: AT+CIPOPEN=0,"TCP","{{echo_server_host}}",{{echo_server_port}}
    expect: CONNECT 115200
${dataStep}
`

t.test('raw bytes with no line end pass a data step that waits for no final result code, and stay out of later lines', async t => {
  const escape = `\n  - no: "5.1"\n    sleep: 1100ms\n  - no: "5.2"\n    data: "+++"\n    expect: OK`
  const { record } = await runYamlOnSim(t, online(`  - no: "4"\n    data: "abc"\n    expect: { raw: "abc" }${escape}`))
  t.equal(record.status, 'passed', JSON.stringify(record.steps.map(s => [s.no, s.status, s.failure, s.reason])))
  t.same(record.steps.find(s => s.no === '4')?.expected, ['raw: "abc"'])
  // The raw bytes the step read never become a line of the next step when a line end follows them.
  const next = record.steps.find(s => s.no === '5.2')
  t.same(
    next?.received.map(line => line.text),
    ['OK'],
  )
  t.same(next?.unexpectedUrcs, [])
})

t.test('raw bytes that never arrive fail the step with missing-bytes within its timeout', async t => {
  const { record } = await runYamlOnSim(t, online(`  - no: "4"\n    data: "abc"\n    expect: { raw: "xyz" }\n    timeout: 500ms`))
  const step = record.steps.find(s => s.no === '4')
  t.equal(step?.status, 'failed')
  t.equal(step?.failure?.kind, 'missing-bytes')
  t.ok((step?.durationMs ?? 0) < 2000)
})
