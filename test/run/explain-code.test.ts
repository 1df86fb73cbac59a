import t from 'tap'
import { explainResultLine } from '../../src/run/explain-code.js'

t.test('MQTT result codes are explained with and without a client index', async (t) => {
  t.equal(explainResultLine('+CMQTTCONNECT: 0,32'), '32 = handshake failed')
  t.equal(explainResultLine('+CMQTTSTART: 23'), '23 = network is opened')
  t.equal(explainResultLine('+CMQTTACCQ: 1,19'), '19 = client is used')
  t.equal(explainResultLine('+CMQTTDISC: 0,35'), '35 = disconnect from server failed')
})

t.test('CME errors are explained; unknown codes and other lines are not', async (t) => {
  t.equal(explainResultLine('+CME ERROR: 10'), '10 = SIM not inserted')
  t.equal(explainResultLine('+CME ERROR: 9999'), undefined)
  t.equal(explainResultLine('+CMQTTRXSTART: 0,9,60'), undefined)
  t.equal(explainResultLine('OK'), undefined)
})
