/**
 * The EG25-G profile's MQTT client byte by byte, where the LTE Standard firmware differs from the BG96's:
 * AT+QMTPUBEX reads a fixed length (AT+QMTPUB takes none), +QMTRECV can carry the payload length, one AT+QMTSUB
 * takes up to five topics. Written from the LTE Standard MQTT application note as the project's notes summarise it.
 */
import t, { type Test } from 'tap'
import { startBroker, type EmbeddedBroker } from '../../../../src/servers/broker/index.js'
import { BOOT_EG25, WireHarness, error, ok, urc } from '../../wire-harness.js'

async function boot(t: Test): Promise<{ h: WireHarness; broker: EmbeddedBroker }> {
  const broker = await startBroker({ mtlsPort: false })
  t.teardown(() => broker.close())
  const h = new WireHarness({
    profile: 'quectel-eg25',
    resolve: [{ host: 'broker.example', port: 1883, to: { host: broker.host, port: broker.tcpPort } }],
  })
  t.teardown(() => h.close())
  await h.expect(BOOT_EG25)
  return { h, broker }
}

async function connect(h: WireHarness): Promise<void> {
  await h.command('AT+QMTOPEN=0,"broker.example",1883', ok())
  await h.expect(urc('+QMTOPEN: 0,0'))
  await h.command('AT+QMTCONN=0,"eg25-probe"', ok())
  await h.expect(urc('+QMTCONN: 0,0,0'))
}

t.test('boot banner, then ATI names the EG25', async t => {
  const { h } = await boot(t)
  await h.command('ATI', ok('Quectel', 'EG25', 'Revision: EG25GGBR07A08M2G'))
})

t.test('AT+QMTPUBEX reads exactly <length> bytes; AT+QMTPUB with a length is refused', async t => {
  const { h, broker } = await boot(t)
  await connect(h)
  await h.command('AT+QMTPUB=0,1,1,0,"eg25/fixed",5', error())
  await h.command('AT+QMTPUBEX=0,1,1,0,"eg25/fixed"', error())
  await h.command('AT+QMTPUBEX=0,3,1,0,"eg25/fixed",6', '\r\n> ')
  h.write('a\x1ab\r\nc')
  await h.expect(ok() + urc('+QMTPUBEX: 0,3,0'))
  const got = await broker.observer.waitFor(m => m.topic === 'eg25/fixed', { timeoutMs: 3000 })
  t.equal(got.payload.toString('latin1'), 'a\x1ab\r\nc', 'a Ctrl-Z inside a fixed length is payload')
})

t.test('recv/mode with msg_len_enable puts the length before the payload; five topics in one AT+QMTSUB', async t => {
  const { h, broker } = await boot(t)
  await h.command('AT+QMTCFG="recv/mode",0,0,1', ok())
  await h.command('AT+QMTCFG="recv/mode",0', ok('+QMTCFG: "recv/mode",0,1'))
  await connect(h)
  await h.command('AT+QMTSUB=0,4,"a",0,"b",1,"c",2,"d",0,"e",1', ok())
  await h.expect(urc('+QMTSUB: 0,4,0,0,1,2,0,1'))
  await h.command('AT+QMTSUB=0,5,"a",0,"b",1,"c",2,"d",0,"e",1,"f",0', error())
  await broker.publish({ topic: 'c', payload: 'x\r\ny' })
  await h.expect(urc('+QMTRECV: 0,0,"c",4,"x\r\ny"'))
  await h.command('AT+QMTUNS=0,6,"a","b"', ok())
  await h.expect(urc('+QMTUNS: 0,6,0'))
})
