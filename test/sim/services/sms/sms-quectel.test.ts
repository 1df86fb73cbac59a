import t from 'tap'
import { WireHarness, ok, urc } from '../../wire-harness.js'

t.test('quectel-bg96: SIM storage first, MT offered as the module storage under another name', async t => {
  const h = await WireHarness.boot({ profile: 'quectel-bg96', echo: false })
  t.teardown(() => h.close())
  await h.command('AT+CPMS=?', ok('+CPMS: ("SM","ME","MT"),("SM","ME","MT"),("SM","ME","MT")'), false)
  await h.command('AT+CPMS?', ok('+CPMS: "SM",0,50,"SM",0,50,"SM",0,50'), false)
  await h.command('AT+CSCS=?', ok('+CSCS: ("GSM","IRA","UCS2")'), false)
  await h.command('AT+CSCS?', ok('+CSCS: "GSM"'), false)
  await h.command('AT+CMGF=1', ok(), false)
  h.modem.deliverSms('+491701234567', 'hello bg96')
  await h.expect(urc('+CMTI: "SM",1'))
  await h.command('AT+CPMS="ME","MT","ME"', ok('+CPMS: 0,255,0,255,0,255'), false)
  h.modem.deliverSms('+491701234567', 'into the module')
  await h.expect(urc('+CMTI: "ME",1'))
  await h.command('AT+CPMS="MT","MT","MT"', ok('+CPMS: 1,255,1,255,1,255'), false)
  h.write('AT+CMGR=1\r')
  t.match(await h.readUntil('OK\r\n'), /\r\n\+CMGR: "REC UNREAD","\+491701234567","","[^"]+"\r\ninto the module\r\n\r\nOK\r\n$/)
})

t.test('quectel-eg25: new messages go to the module storage out of the box', async t => {
  const h = await WireHarness.boot({ profile: 'quectel-eg25', echo: false })
  t.teardown(() => h.close())
  await h.command('AT+CPMS?', ok('+CPMS: "ME",0,255,"ME",0,255,"ME",0,255'), false)
  h.modem.deliverSms('+491701234567', 'hello eg25')
  await h.expect(urc('+CMTI: "ME",1'))
  await h.command('AT+CMGD=1', ok(), false)
  await h.command('AT+CPMS?', ok('+CPMS: "ME",0,255,"ME",0,255,"ME",0,255'), false)
})
