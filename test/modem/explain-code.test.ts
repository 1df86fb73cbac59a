import t from 'tap'
import { explainResultLine } from '../../src/modem/explain-code.js'
import { GENERIC_FAMILY } from '../../src/modem/families/generic/index.js'
import { SIMCOM_FAMILY } from '../../src/modem/families/simcom/index.js'

t.test('MQTT result codes are explained with and without a client index', async t => {
  t.equal(explainResultLine('+CMQTTCONNECT: 0,32', SIMCOM_FAMILY), '32 = handshake failed')
  t.equal(explainResultLine('+CMQTTSTART: 23', SIMCOM_FAMILY), '23 = network is opened')
  t.equal(explainResultLine('+CMQTTACCQ: 1,19', SIMCOM_FAMILY), '19 = client is used')
  t.equal(explainResultLine('+CMQTTDISC: 0,35', SIMCOM_FAMILY), '35 = disconnect from server failed')
})

t.test('a connection-lost cause is explained with its own table, not the error table', async t => {
  t.equal(explainResultLine('+CMQTTCONNLOST: 0,3', SIMCOM_FAMILY), '3 = network closed')
  t.equal(explainResultLine('+CMQTTCONNLOST: 0,1', SIMCOM_FAMILY), '1 = socket closed passively (by the server)')
})

t.test('only parameters marked as result codes are explained: lengths, indexes and read forms are not', async t => {
  t.equal(explainResultLine('+CMQTTRXPAYLOAD: 0,8', SIMCOM_FAMILY), undefined)
  t.equal(explainResultLine('+CMQTTRXTOPIC: 0,9', SIMCOM_FAMILY), undefined)
  t.equal(explainResultLine('+CMQTTRXSTART: 0,9,60', SIMCOM_FAMILY), undefined)
  t.equal(explainResultLine('+CMQTTCONNECT: 0,"tcp://host:1883",60,1', SIMCOM_FAMILY), undefined)
  t.equal(explainResultLine('+CSQ: 23,0', SIMCOM_FAMILY), undefined)
})

t.test('CME errors are explained for every family; unknown codes and other lines are not', async t => {
  t.equal(explainResultLine('+CME ERROR: 10', SIMCOM_FAMILY), '10 = SIM not inserted')
  t.equal(explainResultLine('+CME ERROR: 10', GENERIC_FAMILY), '10 = SIM not inserted')
  t.equal(explainResultLine('+CME ERROR: 9999', SIMCOM_FAMILY), undefined)
  t.equal(explainResultLine('+CMQTTCONNECT: 0,32', GENERIC_FAMILY), undefined, 'another family knows no CMQTT codes')
  t.equal(explainResultLine('OK', SIMCOM_FAMILY), undefined)
})

t.test('CMS errors (TS 27.005 message service) are explained for every family', async t => {
  t.equal(explainResultLine('+CMS ERROR: 322', SIMCOM_FAMILY), '322 = memory full')
  t.equal(explainResultLine('+CMS ERROR: 321', GENERIC_FAMILY), '321 = invalid memory index')
  t.equal(explainResultLine('+CMS ERROR: 9', SIMCOM_FAMILY), undefined)
})
