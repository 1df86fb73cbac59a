/**
 * The HTTP(S) suite in-process on both SIMCom profiles: `sim://` runs start the HTTP(S) server, map any host's
 * 80 and 443 to it and give its address as vars.
 */
import t from 'tap'
import { runSuiteOn } from '../../../helpers/run-suite-on.js'
import { runYamlOnSim } from '../../../helpers/run-on-sim.js'

const SUITE = 'sequences/simcom/http/'

for (const device of ['sim://simcom-a76xx', 'sim://simcom-sim7600']) {
  t.test(`the suite passes on ${device}`, async t => {
    const suite = await runSuiteOn(t, SUITE, device)
    t.equal(suite.status, 'passed')
    t.same(
      suite.runs.map(run => run.status),
      ['passed', 'passed', 'passed', 'passed', 'passed', 'passed'],
    )
  })
}

t.test('a sim run gives the HTTP server address as vars, reachable directly too', async t => {
  const yaml = `
sequence: http server vars
device: simcom-a76xx
timeout: 5s
steps:
  - no: "1"
    send: AT+HTTPINIT
    expect: OK
  - no: "2"
    send: AT+HTTPPARA="URL","http://{{http_server_host}}:{{http_server_port}}/status/204"
    expect: OK
  - no: "3"
    send: AT+HTTPACTION=0
    expect: OK
    urc: "+HTTPACTION: 0,204,0"
  - no: "4"
    send: AT+HTTPPARA="URL","https://{{http_server_host}}:{{https_server_port}}/status/201"
    expect: OK
  - no: "5"
    send: AT+HTTPACTION=0
    expect: OK
    urc: "+HTTPACTION: 0,201,0"
`
  const { record } = await runYamlOnSim(t, yaml)
  t.equal(record.status, 'passed', JSON.stringify(record.steps.map(s => [s.no, s.status, s.failure])))
})
