/**
 * The SSL/TLS suite in-process on both SIMCom profiles: `sim://` runs start the TLS server, map any host's 7443
 * and 7444 to it and give its address as vars.
 */
import t from 'tap'
import { runSuiteOn } from '../../../helpers/run-suite-on.js'
import { runYamlOnSim } from '../../../helpers/run-on-sim.js'

const SUITE = 'sequences/simcom/tls/'

for (const device of ['sim://simcom-a76xx', 'sim://simcom-sim7600']) {
  t.test(`the suite passes on ${device}`, async t => {
    const suite = await runSuiteOn(t, SUITE, device)
    t.same(
      suite.runs.map(run => [run.sequence, run.status]),
      suite.runs.map(run => [run.sequence, 'passed']),
    )
    t.equal(suite.runs.length, 6)
    t.equal(suite.status, 'passed')
  })
}

t.test('a sim run gives the TLS server address as vars, reachable directly too', async t => {
  const yaml = `
sequence: TLS server vars
device: simcom-a76xx
timeout: 5s
steps:
  - no: "1"
    send: AT+CCHSTART
    expect: OK
    urc: "+CCHSTART: 0"
  - no: "2"
    send: AT+CCHOPEN=0,"{{tls_server_host}}",{{tls_server_port}},2
    expect: OK
    urc: "+CCHOPEN: 0,0"
  - no: "3"
    send: AT+CCHOPEN=1,"{{tls_server_host}}",{{mtls_server_port}},2
    expect: OK
    urc: "+CCHOPEN: 1,15"
    description: The mutual-TLS port refuses a module without a client certificate
  - no: "4"
    send: AT+CCHSTOP
    expect: OK
    urc: ["+CCHCLOSE: 0,0", "+CCHSTOP: 0"]
`
  const { record } = await runYamlOnSim(t, yaml)
  t.equal(record.status, 'passed', JSON.stringify(record.steps.map(s => [s.no, s.status, s.failure])))
})
