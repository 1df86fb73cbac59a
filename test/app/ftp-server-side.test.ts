/** A `sim://` run starts the FTP server: its address and account are vars, and any host's 990 reaches its implicit FTPS. */
import t from 'tap'
import { runYamlOnSim } from '../helpers/run-on-sim.js'

t.test('the FTP server vars log in directly, and any host on 990 is implicit FTPS', async t => {
  const yaml = `
sequence: ftp server vars
device: simcom-a76xx
timeout: 10s
steps:
  - no: "1"
    send: AT+CFTPSSTART
    expect: OK
    urc: "+CFTPSSTART: 0"
  - no: "2"
    send: AT+CFTPSLOGIN="{{ftp_server_host}}",{{ftp_server_port}},"{{ftp_user}}","{{ftp_password}}",0
    expect: OK
    urc: "+CFTPSLOGIN: 0"
  - no: "3"
    send: AT+CFTPSLOGOUT
    expect: OK
    urc: "+CFTPSLOGOUT: 0"
  - no: "4"
    send: AT+CFTPSLOGIN="files.example.org",990,"{{ftp_user}}","{{ftp_password}}",3
    expect: OK
    urc: "+CFTPSLOGIN: 0"
  - no: "5"
    send: AT+CFTPSLOGOUT
    expect: OK
    urc: "+CFTPSLOGOUT: 0"
`
  const { record } = await runYamlOnSim(t, yaml)
  t.equal(record.status, 'passed', JSON.stringify(record.steps.map(s => [s.no, s.status, s.failure])))
})
