import t from 'tap'
import { SIMCOM_FAMILY } from '../../../../src/modem/families/simcom/index.js'
import { isUrcLine } from '../../../../src/modem/urc-rule.js'

t.test('the SMS URCs are URCs of the SIMCom chat, and never answer a command', async t => {
  const { urcs } = SIMCOM_FAMILY.chatProfile
  for (const line of [
    '+CMTI: "SM",1',
    '+CMT: "+491701234567","","26/12/01,10:30:05+00"',
    '+CMT: "",24',
    '+CDS: 6,0,"+49170",145,"a","b",0',
    '+CDS: 25',
  ])
    t.ok(isUrcLine(line, urcs, 'AT+CMGS=23'), line)
  for (const line of ['+CMGS: 5', '+CMGR: 0,"",24', '+CMGL: 1,"REC READ","+49170","",""', '+CMTX: 1'])
    t.notOk(isUrcLine(line, urcs, 'AT+CMGR=1'), line)
  for (const name of ['+CMTI', '+CMT', '+CDS']) t.ok(SIMCOM_FAMILY.unsolicitedOnly.includes(name), name)
  for (const name of ['+CSMS', '+CSMP', '+CSDH', '+CMSS', '+CMGS', '+CMGL'])
    t.ok(
      SIMCOM_FAMILY.commands.some(c => c.name === name),
      name,
    )
})
