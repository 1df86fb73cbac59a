/** The SIMCom HTTP(S) vocabulary: +HTTPACTION codes explained, the commands lint knows, AT+HTTPDATA's prompt length. */
import t from 'tap'
import { explainResultLine } from '../../../../src/modem/explain-code.js'
import { HTTP_ERR, HTTP_ERR_TEXTS } from '../../../../src/modem/families/simcom/http-codes.js'
import { SIMCOM_FAMILY } from '../../../../src/modem/families/simcom/index.js'

t.test('+HTTPACTION explains its status or 7xx code; its method and length are not codes', async t => {
  t.equal(explainResultLine('+HTTPACTION: 0,713,0', SIMCOM_FAMILY), '713 = get DNS failed')
  t.equal(explainResultLine('+HTTPACTION: 1,715,0', SIMCOM_FAMILY), '715 = handshake failed')
  t.equal(explainResultLine('+HTTPACTION: 0,404,10', SIMCOM_FAMILY), '404 = not found')
  t.equal(explainResultLine('+HTTPREAD: LEN,12', SIMCOM_FAMILY), undefined)
})

t.test('the 7xx table runs 701..719 without gaps', async t => {
  t.same(
    Object.keys(HTTP_ERR_TEXTS).map(Number),
    Array.from({ length: 19 }, (_, i) => 701 + i),
  )
  t.equal(HTTP_ERR_TEXTS[HTTP_ERR.caMissed], 'CA missed')
  t.equal(HTTP_ERR_TEXTS[HTTP_ERR.timeout], 'timeout')
})

t.test('lint knows the HTTP commands, AT+HTTPDATA by its first parameter, and the two HTTP URCs as unsolicited', async t => {
  const byName = new Map(SIMCOM_FAMILY.commands.map(command => [command.name, command]))
  for (const name of ['+HTTPINIT', '+HTTPTERM', '+HTTPPARA', '+HTTPACTION', '+HTTPHEAD', '+HTTPREAD']) t.ok(byName.has(name), name)
  t.equal(byName.get('+HTTPDATA')?.promptLengthParam, 0)
  t.ok(SIMCOM_FAMILY.unsolicitedOnly.includes('+HTTP_PEER_CLOSED'))
  t.ok(SIMCOM_FAMILY.unsolicitedOnly.includes('+HTTP_NONET_EVENT'))
})
