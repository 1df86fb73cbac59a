/** AT+CNMI mode 0 holds indications in the module; AT+CSMS=1 makes the host acknowledge each +CMT with AT+CNMA. */
import t from 'tap'
import { SIMCOM_A76XX } from '../../../../src/sim/profile.js'
import { SIMCOM_SMS_TRAITS } from '../../../../src/sim/services/sms/sms-state.js'
import { WireHarness, error, ok, urc } from '../../wire-harness.js'

const FROM = '+491701234567'
const CMT = /^\r\n\+CMT: "\+491701234567","","[^"]+"\r\n/

t.test('mode 0 holds +CMTI and +CMT; a mode 1-3 flushes them after OK (bfr 0) or drops them (bfr 1)', async t => {
  const h = await WireHarness.boot({ echo: false, cmee: 1 })
  t.teardown(() => h.close())
  await h.command('AT+CMGF=1', ok(), false)
  await h.command('AT+CNMI=0,1,0,0,0', ok(), false)
  h.modem.deliverSms(FROM, 'held one')
  await h.command('AT', ok(), false)
  await h.command('AT+CNMI=2,1,0,0,0', ok() + urc('+CMTI: "SM",1'), false)
  await h.command('AT+CNMI=0,2,0,0,0', ok(), false)
  h.modem.deliverSms(FROM, 'held direct')
  await h.command('AT', ok(), false)
  h.write('AT+CNMI=1,2,0,0,0\r')
  t.match(await h.readUntil('held direct\r\n'), new RegExp(`^\\r\\nOK\\r\\n${CMT.source.slice(1)}held direct\\r\\n$`))
  await h.command('AT+CNMI=0,1,0,0,0', ok(), false)
  h.modem.deliverSms(FROM, 'dropped indication')
  await h.command('AT+CNMI=2,1,0,0,1', ok(), false)
  await h.command('AT', ok(), false)
  await h.command('AT+CPMS?', ok('+CPMS: "SM",2,30,"SM",2,30,"SM",2,30'), false)
})

t.test('AT+CSMS=1: the next +CMT waits for AT+CNMA; AT+CNMA with nothing to acknowledge is 340', async t => {
  const h = await WireHarness.boot({ echo: false, cmee: 1 })
  t.teardown(() => h.close())
  await h.command('AT+CNMA', '\r\n+CMS ERROR: 340\r\n', false)
  await h.command('AT+CSMS=?', ok('+CSMS: (0,1)'), false)
  await h.command('AT+CSMS=1', ok('+CSMS: 1,1,1'), false)
  await h.command('AT+CSMS?', ok('+CSMS: 1,1,1,1'), false)
  await h.command('AT+CMGF=1', ok(), false)
  await h.command('AT+CNMI=2,2,0,0,0', ok(), false)
  h.modem.deliverSms(FROM, 'first')
  h.modem.deliverSms(FROM, 'second')
  t.match(await h.readUntil('first\r\n'), CMT)
  await h.command('AT', ok(), false)
  h.write('AT+CNMA\r')
  t.match(await h.readUntil('second\r\n'), new RegExp(`^\\r\\nOK\\r\\n${CMT.source.slice(1)}second\\r\\n$`))
  await h.command('AT+CNMA=1', error(), false)
  await h.command('AT+CNMA', ok(), false)
  await h.command('AT+CNMA', '\r\n+CMS ERROR: 340\r\n', false)
  await h.command('AT+CMGF=0', ok(), false)
  await h.command('AT+CNMA=?', ok('+CNMA: (0-2)'), false)
  await h.command('AT+CNMA=0,5', '\r\n+CMS ERROR: 303\r\n', false)
  await h.command('AT+CNMA=3', error(), false)
})

t.test('no AT+CNMA in time: routing goes off (mt 0, ds 0) and the message is kept in the receive storage', async t => {
  const profile = { ...SIMCOM_A76XX, sms: { ...SIMCOM_SMS_TRAITS, ackTimeoutMs: 150 } }
  const h = await WireHarness.boot({ profile, echo: false, cmee: 1 })
  t.teardown(() => h.close())
  await h.command('AT+CSMS=1', ok('+CSMS: 1,1,1'), false)
  await h.command('AT+CMGF=1', ok(), false)
  await h.command('AT+CNMI=2,2,0,0,0', ok(), false)
  h.modem.deliverSms(FROM, 'never acknowledged')
  t.match(await h.readUntil('never acknowledged\r\n'), CMT)
  await new Promise(resolve => setTimeout(resolve, 300))
  await h.command('AT+CNMI?', ok('+CNMI: 2,0,0,0,0'), false)
  await h.command('AT+CNMA', '\r\n+CMS ERROR: 340\r\n', false)
  h.write('AT+CMGL="ALL"\r')
  t.match(await h.readUntil('OK\r\n'), /^\r\n\+CMGL: 1,"REC UNREAD","\+491701234567","",".+"\r\nnever acknowledged\r\n\r\nOK\r\n$/)
})
