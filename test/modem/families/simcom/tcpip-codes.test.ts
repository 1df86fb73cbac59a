import t from 'tap'
import { explainResultLine } from '../../../../src/modem/explain-code.js'
import { SIMCOM_FAMILY } from '../../../../src/modem/families/simcom/index.js'

t.test('TCP/IP result lines are explained from the TCP/IP error table', async t => {
  t.equal(explainResultLine('+CIPOPEN: 0,11', SIMCOM_FAMILY), '11 = DNS parse failed for AT+CIPOPEN')
  t.equal(explainResultLine('+CIPOPEN: 1,3', SIMCOM_FAMILY), '3 = wrong parameter')
  t.equal(explainResultLine('+NETOPEN: 1', SIMCOM_FAMILY), '1 = network failure')
  t.equal(explainResultLine('+CIPERROR: 4', SIMCOM_FAMILY), '4 = operation not supported')
  t.equal(explainResultLine('+CIPCLOSE: 2,4', SIMCOM_FAMILY), '4 = operation not supported')
})

t.test('+IPCLOSE reasons have their own table', async t => {
  t.equal(explainResultLine('+IPCLOSE: 0,1', SIMCOM_FAMILY), '1 = closed by remote, passive')
  t.equal(explainResultLine('+IPCLOSE: 0,0', SIMCOM_FAMILY), '0 = closed by local, active')
})

t.test('lengths and read forms are not explained', async t => {
  t.equal(explainResultLine('+CIPSEND: 0,5,5', SIMCOM_FAMILY), undefined)
  t.equal(explainResultLine('+CIPCLOSE: 0,1,0,0,0,0,0,0,0,0', SIMCOM_FAMILY), undefined)
  t.equal(explainResultLine('+CIPOPEN: 1,"TCP","echo.example.com",7,-1', SIMCOM_FAMILY), undefined)
  t.equal(explainResultLine('+CIPRXGET: 2,1,5,11', SIMCOM_FAMILY), undefined)
})
