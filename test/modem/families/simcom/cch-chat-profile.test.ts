/** The SIMCom chat profile frames CCH data by length: only `+CCHRECV: DATA,<id>,<len>` announces bytes. */
import t from 'tap'
import { explainResultLine } from '../../../../src/modem/explain-code.js'
import { SIMCOM_CHAT_PROFILE } from '../../../../src/modem/families/simcom/chat-profile.js'
import { SIMCOM_FAMILY } from '../../../../src/modem/families/simcom/index.js'
import { isUrcLine, readPayloadLength } from '../../../../src/modem/urc-rule.js'

const { urcs, maxPayloadBytes } = SIMCOM_CHAT_PROFILE
const lengthOf = (line: string): number | undefined => readPayloadLength(line, urcs, maxPayloadBytes)

t.test('+CCHRECV: DATA,<id>,<len> is followed by <len> bytes; its other forms are lines', async t => {
  t.equal(lengthOf('+CCHRECV: DATA,0,917'), 917)
  t.equal(lengthOf('+CCHRECV: DATA,1,5'), 5)
  t.equal(lengthOf('+CCHRECV: 0,0'), undefined, 'the read result')
  t.equal(lengthOf('+CCHRECV: LEN,16,0'), undefined, 'the read form')
})

t.test('the CCH URCs are URCs, and the read forms of the same names are answers', async t => {
  for (const line of [
    '+CCHRECV: DATA,0,5',
    '+CCHEVENT: 0,RECV EVENT',
    '+CCH_PEER_CLOSED: 1',
    '+CCH_RECV_CLOSED: 0,9',
    '+CCH: CCH STOP',
    '+CCHSTART: 0',
    '+CCHSTOP: 0',
    '+CCHOPEN: 0,0',
    '+CCHCLOSE: 0,0',
    '+CCHSEND: 0,0',
  ])
    t.ok(isUrcLine(line, urcs), line)
  t.notOk(isUrcLine('+CCHOPEN: 0,"",,,', urcs, 'AT+CCHOPEN?'))
  t.notOk(isUrcLine('+CCHRECV: LEN,0,0', urcs, 'AT+CCHRECV?'))
  t.ok(SIMCOM_FAMILY.unsolicitedOnly.includes('+CCH_PEER_CLOSED'))
})

t.test('CCH result lines are explained from the CCH error table, lengths and read forms are not', async t => {
  t.equal(explainResultLine('+CCHOPEN: 0,15', SIMCOM_FAMILY), '15 = handshake error')
  t.equal(explainResultLine('+CCHOPEN: 1,19', SIMCOM_FAMILY), '19 = certificates not set')
  t.equal(explainResultLine('+CCHOPEN: 0,13', SIMCOM_FAMILY), '13 = get DNS error')
  t.equal(explainResultLine('+CCHSTART: 9', SIMCOM_FAMILY), '9 = network error')
  t.equal(explainResultLine('+CCHSEND: 0,0', SIMCOM_FAMILY), '0 = operation succeeded')
  t.equal(explainResultLine('+CCH_RECV_CLOSED: 0,4', SIMCOM_FAMILY), '4 = peer closed')
  t.equal(explainResultLine('+CCHOPEN: 0,"localhost",7443,2,40000', SIMCOM_FAMILY), undefined)
  t.equal(explainResultLine('+CCHRECV: DATA,0,5', SIMCOM_FAMILY), undefined)
  t.equal(explainResultLine('+CCHRECV: LEN,5,0', SIMCOM_FAMILY), undefined)
})

t.test('lint knows the CCH commands and the length AT+CCHSEND prompts for', async t => {
  const names = SIMCOM_FAMILY.commands.map(command => command.name)
  for (const name of ['+CCHSET', '+CCHMODE', '+CCHSTART', '+CCHSTOP', '+CCHADDR', '+CCHSSLCFG', '+CCHOPEN', '+CCHCLOSE', '+CCHRECV'])
    t.ok(names.includes(name), name)
  t.match(
    SIMCOM_FAMILY.commands.find(command => command.name === '+CCHSEND'),
    { promptLengthParam: 1 },
  )
})
