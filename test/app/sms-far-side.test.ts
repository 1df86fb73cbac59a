import t from 'tap'
import { gatherFarSide } from '../../src/app/far-side-servers.js'
import { openSmsFarSide } from '../../src/app/sms-far-side.js'
import type { ServerEvent } from '../../src/model/server-link.js'
import { SimModem } from '../../src/sim/sim-modem.js'
import { WireHarness, ok, urc } from '../sim/wire-harness.js'

t.test('messages the modem sends are sms events; deliver brings one to the modem', async t => {
  const h = await WireHarness.boot({ echo: false })
  t.teardown(() => h.close())
  const sms = openSmsFarSide(h.modem)
  t.teardown(() => sms.close())
  t.same(sms.names, ['sms'])
  const seen: ServerEvent[] = []
  const stop = sms.onEvent(event => seen.push(event))
  await h.command('AT+CMGF=1', ok(), false)
  h.write('AT+CMGS="+491701234567"\r')
  await h.expect('\r\n> ')
  h.write('hello\x1a')
  await h.expect(ok('+CMGS: 0'))
  t.equal(seen.length, 1)
  t.match(sms.events(), [{ server: 'sms', kind: 'message', path: '+491701234567' }])
  t.equal(sms.events()[0]?.body.toString('utf8'), 'hello')
  stop()
  await sms.act({ server: 'sms', kind: 'deliver', from: '+4930123', text: 'hi' })
  await h.expect(urc('+CMTI: "SM",1'))
  h.write('AT+CMGR=1\r')
  t.match(await h.readUntil('\r\nOK\r\n'), /\+CMGR: "REC UNREAD","\+4930123","","[^"]+"\r\nhi\r\n/)
  await t.rejects(sms.act({ server: 'network', kind: 'drop' }))
  sms.close()
  h.write('AT+CMGS="+491701234567"\r')
  await h.readUntil('> ')
  h.write('again\x1a')
  await h.readUntil('OK\r\n')
  t.equal(sms.events().length, 1, 'a closed centre keeps no more events')
})

t.test('a sim:// session gathers the SMS centre beside the network, and the caller still sees the modem', async t => {
  const modems: SimModem[] = []
  const gathering = gatherFarSide({ onSimModem: (modem: SimModem) => modems.push(modem) }, [])
  t.equal(gathering.link(), undefined)
  const modem = new SimModem()
  gathering.options.onSimModem?.(modem)
  t.equal(modems[0], modem)
  t.same(gathering.link()?.names, ['network', 'sms'])
})
