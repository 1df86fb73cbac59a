/** The SIMCom chat profile frames TCP/IP data by length: `+IPD<len>` and `+CIPRXGET: 2,<link>,<len>,<rest>` only. */
import t from 'tap'
import { SIMCOM_CHAT_PROFILE } from '../../../../src/modem/families/simcom/chat-profile.js'
import { isUrcLine, readPayloadLength } from '../../../../src/modem/urc-rule.js'

const { urcs, maxPayloadBytes } = SIMCOM_CHAT_PROFILE
const lengthOf = (line: string): number | undefined => readPayloadLength(line, urcs, maxPayloadBytes)

t.test('+IPD carries its length in its name', async t => {
  t.equal(lengthOf('+IPD16'), 16)
  t.equal(lengthOf('+IPD0'), 0)
  t.equal(lengthOf('+IPD'), undefined)
  t.equal(lengthOf('+IPDX'), undefined)
  t.ok(isUrcLine('+IPD5', urcs))
  t.notOk(isUrcLine('+IPDATA: 1', urcs), 'a longer name is not +IPD')
})

t.test('only the raw read form of +CIPRXGET announces a payload', async t => {
  t.equal(lengthOf('+CIPRXGET: 2,1,5,11'), 5)
  t.equal(lengthOf('+CIPRXGET: 1,1'), undefined)
  t.equal(lengthOf('+CIPRXGET: 4,1,16'), undefined)
  t.equal(lengthOf('+CIPRXGET: 3,1,5,6'), undefined, 'the hex form is a line of its own')
})

t.test('the socket URCs are URCs, and their read forms are answers', async t => {
  for (const line of [
    'RECV FROM:127.0.0.1:7',
    '+IPCLOSE: 0,1',
    '+CIPEVENT: NETWORK CLOSED UNEXPECTEDLY',
    '+CIPOPEN: 0,0',
    '+CIPSEND: 0,5,5',
  ])
    t.ok(isUrcLine(line, urcs), line)
  t.notOk(isUrcLine('+CIPOPEN: 0', urcs, 'AT+CIPOPEN?'))
  t.notOk(isUrcLine('+NETOPEN: 1', urcs, 'AT+NETOPEN?'))
})

t.test('a transparent link ends with a bare CLOSED line, a URC; a longer word is not it', async t => {
  t.ok(isUrcLine('CLOSED', urcs))
  t.notOk(isUrcLine('CLOSEDX', urcs))
})
