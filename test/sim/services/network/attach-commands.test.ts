import t from 'tap'
import { WireHarness, error, ok, urc } from '../../wire-harness.js'

t.test('AT+CGATT=0 detaches: contexts and services go; AT+CGATT=1 attaches again', async t => {
  const h = await WireHarness.boot({ echo: false, cmee: 1 })
  t.teardown(() => h.close())
  await h.command('AT+CGACT=1,1', ok(), false)
  await h.command('AT+CMQTTSTART', ok() + urc('+CMQTTSTART: 0'), false)
  await h.command('AT+CEREG=1', ok(), false)
  // the running MQTT service sees the network go, as on a lost network; +CEREG reports the change
  await h.command('AT+CGATT=0', ok() + urc('+CEREG: 0') + urc('+CMQTTNONET'), false)
  await h.command('AT+CGATT?', ok('+CGATT: 0'), false)
  await h.command('AT+CGACT?', ok('+CGACT: 1,0'), false)
  await h.command('AT+CEREG?', ok('+CEREG: 1,0'), false)
  await h.command('AT+CGACT=1,1', '\r\n+CME ERROR: 30\r\n', false)
  h.modem.restoreNetwork() // coverage alone does not attach
  await h.command('AT+CGATT?', ok('+CGATT: 0'), false)
  await h.command('AT+CGATT=1', ok() + urc('+CEREG: 2'), false)
  await h.expect(urc('+CEREG: 1'))
  await h.command('AT+CGATT?', ok('+CGATT: 1'), false)
  await h.command('AT+CGATT=2', error(), false)
  await h.command('AT+CGATT=?', ok('+CGATT: (0,1)'), false)
})
