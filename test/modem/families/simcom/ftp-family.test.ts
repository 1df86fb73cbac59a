/** The SIMCom family knows the FTP(S) and file-transfer lines: payloads by length, result codes, commands. */
import t from 'tap'
import { explainResultLine } from '../../../../src/modem/explain-code.js'
import { SIMCOM_CHAT_PROFILE } from '../../../../src/modem/families/simcom/chat-profile.js'
import { SIMCOM_FAMILY } from '../../../../src/modem/families/simcom/index.js'
import { isUrcLine, readPayloadLength } from '../../../../src/modem/urc-rule.js'

const { urcs, maxPayloadBytes } = SIMCOM_CHAT_PROFILE
const lengthOf = (line: string): number | undefined => readPayloadLength(line, urcs, maxPayloadBytes)

t.test('DATA blocks announce a payload; the closing lines do not', async t => {
  t.equal(lengthOf('+CFTPSGET: DATA,405'), 405)
  t.equal(lengthOf('+CFTPSLIST: DATA,72'), 72)
  t.equal(lengthOf('+CFTRANTX: DATA,11'), 11)
  t.equal(lengthOf('+CFTPSGET: 0'), undefined)
  t.equal(lengthOf('+CFTPSLIST: 550'), undefined)
  for (const line of ['+CFTPSLOGIN: 0', '+CFTPSPUTFILE: 0', '+CFTPSGETFILE: 0', '+CFTPSNOTIFY: PEER CLOSED', '+CFTPSPWD: "/"'])
    t.ok(isUrcLine(line, urcs), line)
})

t.test('result lines are explained from the FTPS table, server reply codes included', async t => {
  t.equal(explainResultLine('+CFTPSLOGIN: 530', SIMCOM_FAMILY), '530 = server: not logged in')
  t.equal(explainResultLine('+CFTPSGET: 550', SIMCOM_FAMILY), '550 = server: file unavailable (not found, no access)')
  t.equal(explainResultLine('+CFTPSLOGIN: 1', SIMCOM_FAMILY), '1 = SSL alert')
  t.equal(explainResultLine('+CFTPSGETFILE: 10', SIMCOM_FAMILY), '10 = network error')
  t.equal(explainResultLine('+CFTPSGET: DATA,5', SIMCOM_FAMILY), undefined, 'a block header is a length')
})

t.test('lint knows the transfer commands, and the prompt length of AT+CFTRANRX and AT+CFTPSPUT', async t => {
  const known = new Map(SIMCOM_FAMILY.commands.map(command => [command.name, command]))
  for (const name of ['+CFTPSGETFILE', '+CFTPSPUTFILE', '+CFTPSSSLCFG', '+CFTPSABORT', '+CFTRANTX', '+FSMEM']) t.ok(known.has(name), name)
  t.equal(known.get('+CFTRANRX')?.promptLengthParam, 1)
  t.equal(known.get('+CFTPSPUT')?.promptLengthParam, 1)
})
