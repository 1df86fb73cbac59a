/**
 * The TCP/IP suite in-process on both SIMCom profiles: `sim://` runs start the echo server, map any host's
 * port 7 to it and give its address as vars.
 */
import t from 'tap'
import { runSuiteOn } from '../../../helpers/run-suite-on.js'
import { runYamlOnSim } from '../../../helpers/run-on-sim.js'

const SUITE = 'sequences/simcom/tcpip/'

for (const device of ['sim://simcom-a76xx', 'sim://simcom-sim7600']) {
  t.test(`the suite passes on ${device}`, async t => {
    const suite = await runSuiteOn(t, SUITE, device)
    t.equal(suite.status, 'passed')
    t.equal(suite.runs.length, 6)
    t.same(
      suite.runs.map(run => run.status),
      ['passed', 'passed', 'passed', 'passed', 'passed', 'passed'],
    )
  })
}

t.test('a sim run gives the echo server address as vars, reachable directly too', async t => {
  const yaml = `
sequence: echo server vars
device: simcom-a76xx
timeout: 5s
steps:
  - no: "1"
    send: AT+NETOPEN
    expect: OK
    urc: "+NETOPEN: 0"
  - no: "2"
    send: AT+CIPOPEN=0,"TCP","{{echo_server_host}}",{{echo_server_port}}
    expect: OK
    urc: "+CIPOPEN: 0,0"
  - no: "3"
    send: AT+CIPOPEN=1,"TCP","unmapped.example.net",8
    expect: OK
    urc: "+CIPOPEN: 1,11"
`
  const { record } = await runYamlOnSim(t, yaml)
  t.equal(record.status, 'passed', JSON.stringify(record.steps.map(s => [s.no, s.status, s.failure])))
})
