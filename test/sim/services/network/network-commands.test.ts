import t from 'tap'
import { WireHarness, error, ok, urc } from '../../wire-harness.js'

t.test('signal, registration and attach', async t => {
  const h = await WireHarness.boot({ echo: false })
  t.teardown(() => h.close())
  await h.command('AT+CSQ', ok('+CSQ: 23,0'), false)
  await h.command('AT+CSQ=?', ok('+CSQ: (0-31,99),(0-7,99)'), false)
  h.modem.setSignal(5)
  await h.command('AT+CSQ', ok('+CSQ: 5,0'), false)
  for (const name of ['CREG', 'CGREG', 'CEREG']) {
    await h.command(`AT+${name}?`, ok(`+${name}: 0,1`), false)
    await h.command(`AT+${name}=2`, ok(), false)
    // 27.007: with n=2 a registered module adds the location ("<lac>","<ci>"; +CEREG also the access technology 7 = E-UTRAN)
    const location = name === 'CEREG' ? ',"333C","25C5D10",7' : ',"333C","25C5D10"'
    await h.command(`AT+${name}?`, ok(`+${name}: 2,1${location}`), false)
    await h.command(`AT+${name}=3`, error(), false)
    await h.command(`AT+${name}=?`, ok(`+${name}: (0-2)`), false)
  }
  await h.command('AT+CGATT?', ok('+CGATT: 1'), false)
  await h.command('AT+CPIN?', ok('+CPIN: READY'), false)
  await h.command('AT+CPSI?', ok('+CPSI: LTE,Online,001-01,0x333C,39589680,308,EUTRAN-BAND3,1350,5,5,-94,-130,-64,14'), false)
  h.modem.dropNetwork()
  await h.expect(urc('+CREG: 2') + urc('+CGREG: 2') + urc('+CEREG: 2'))
  await h.command('AT+CSQ', ok('+CSQ: 99,99'), false)
  await h.command('AT+CREG?', ok('+CREG: 2,2'), false)
  await h.command('AT+CGATT?', ok('+CGATT: 0'), false)
  await h.command('AT+CPSI?', ok('+CPSI: NO SERVICE,Online'), false)
  await h.command('AT+CGACT=1,1', '\r\n+CME ERROR: no network service\r\n', false)
  h.modem.restoreNetwork()
  await h.expect(urc('+CREG: 1,"333C","25C5D10"') + urc('+CGREG: 1,"333C","25C5D10"') + urc('+CEREG: 1,"333C","25C5D10",7'))
  await h.command('AT+CGATT?', ok('+CGATT: 1'), false)
})

t.test('PDP context definition and activation', async t => {
  const h = await WireHarness.boot({ echo: false })
  t.teardown(() => h.close())
  await h.command('AT+CGDCONT=1,"IP","iot.example"', ok(), false)
  await h.command('AT+CGDCONT=2,"IPV6",""', ok(), false)
  await h.command('AT+CGDCONT?', ok('+CGDCONT: 1,"IP","iot.example","0.0.0.0",0,0', '+CGDCONT: 2,"IPV6","","0.0.0.0",0,0'), false)
  await h.command('AT+CGDCONT=2', ok(), false)
  await h.command('AT+CGDCONT=1,"X25","a"', error(), false)
  await h.command('AT+CGDCONT=99,"IP","a"', error(), false)
  await h.command('AT+CGACT=1,1', ok(), false)
  await h.command('AT+CGACT?', ok('+CGACT: 1,1'), false)
  await h.command('AT+CGACT=?', ok('+CGACT: (0,1)'), false)
  await h.command('AT+CGPADDR=1', ok('+CGPADDR: 1,10.64.0.17'), false)
  await h.command('AT+CGDCONT=1', error(), false) // an active context cannot be deleted
  await h.command('AT+CGACT=1,3', '\r\n+CME ERROR: operation not allowed\r\n', false)
  await h.command('AT+CGACT=0,1', ok(), false)
  await h.command('AT+CGACT?', ok('+CGACT: 1,0'), false)
  await h.command('AT+CGACT=2', error(), false)
})
