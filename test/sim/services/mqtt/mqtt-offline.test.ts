/**
 * The CMQTT commands' checks that need no broker: syntax, ranges, state errors, prompts, test and read forms,
 * as the SIM7600 answers them (the A76XX differences are probed in profile-differences.test.ts).
 */
import t, { type Test } from 'tap'
import { WireHarness, error, ok, urc } from '../../wire-harness.js'

const SIM7600 = 'simcom-sim7600'

async function started(t: Test): Promise<WireHarness> {
  const h = await WireHarness.boot({ profile: SIM7600, echo: false, promptTimeoutMs: 200 })
  t.teardown(() => h.close())
  await h.command('AT+CMQTTSTART', ok('+CMQTTSTART: 0'), false)
  return h
}

t.test('START and STOP: the result line then OK; twice gives 23; STOP with a client acquired gives 21; then NONET', async t => {
  const h = await WireHarness.boot({ profile: SIM7600 })
  t.teardown(() => h.close())
  await h.command('AT+CMQTTSTART=?', ok())
  await h.command('AT+CMQTTSTART', ok('+CMQTTSTART: 0'))
  await h.command('AT+CMQTTSTART', error('+CMQTTSTART: 23'))
  await h.command('AT+CMQTTACCQ=0,"client test0"', ok())
  await h.command('AT+CMQTTSTOP', error('+CMQTTSTOP: 21'))
  await h.command('AT+CMQTTREL=0', ok())
  await h.command('AT+CMQTTSTOP', ok('+CMQTTSTOP: 0') + urc('+CMQTTNONET'))
  await h.command('AT+CMQTTSTOP', error())
  await h.command('AT+CMQTTSTOP=?', ok())
})

t.test('START without network reports 7 before OK', async t => {
  const h = await WireHarness.boot({ profile: SIM7600, echo: false })
  t.teardown(() => h.close())
  h.modem.dropNetwork()
  await h.command('AT+CMQTTSTART', ok('+CMQTTSTART: 7'), false)
})

t.test('ACCQ and REL', async t => {
  const h = await WireHarness.boot({ profile: SIM7600, echo: false })
  t.teardown(() => h.close())
  await h.command('AT+CMQTTACCQ=0,"a"', error('+CMQTTACCQ: 0,9'), false)
  await h.command('AT+CMQTTSTART', ok('+CMQTTSTART: 0'), false)
  await h.command('AT+CMQTTACCQ=?', ok('+CMQTTACCQ: (0-1),(1-128),(0-1),(3-4)'), false)
  await h.command('AT+CMQTTACCQ=0,"client test0"', ok(), false)
  await h.command('AT+CMQTTACCQ=0,"again"', error('+CMQTTACCQ: 0,19'), false)
  await h.command('AT+CMQTTACCQ=1,"tls",1', ok(), false)
  await h.command('AT+CMQTTACCQ?', ok('+CMQTTACCQ: 0,"client test0",0', '+CMQTTACCQ: 1,"tls",1'), false)
  await h.command('AT+CMQTTACCQ=2,"x"', error('+CMQTTACCQ: 2,10'), false)
  await h.command(`AT+CMQTTACCQ=1,"${'x'.repeat(129)}"`, error('+CMQTTACCQ: 1,22'), false)
  await h.command('AT+CMQTTACCQ=1,"x",2', error(), false)
  await h.command('AT+CMQTTACCQ=1,x', error(), false)
  await h.command('AT+CMQTTREL=?', ok('+CMQTTREL: (0-1)'), false)
  await h.command('AT+CMQTTREL?', ok(), false)
  await h.command('AT+CMQTTREL=0,20', error(), false)
  await h.command('AT+CMQTTREL=1', ok(), false)
  await h.command('AT+CMQTTREL=1', error('+CMQTTREL: 1,20'), false)
  await h.command('AT+CMQTTACCQ?', ok('+CMQTTACCQ: 0,"client test0",0', '+CMQTTACCQ: 1,"",0'), false)
})

t.test('SSLCFG, CFG', async t => {
  const h = await started(t)
  await h.command('AT+CMQTTSSLCFG=0,3', ok(), false) // allowed before ACCQ
  // client 1 was never bound: it uses the SSL context numbered like itself
  await h.command('AT+CMQTTSSLCFG?', ok('+CMQTTSSLCFG: 0,3', '+CMQTTSSLCFG: 1,1'), false)
  await h.command('AT+CMQTTSSLCFG=0,10', error(), false)
  await h.command('AT+CMQTTSSLCFG=?', ok('+CMQTTSSLCFG: (0,1),(0-9)'), false)
  await h.command('AT+CMQTTCFG="checkUTF8",0,0', error(), false)
  await h.command('AT+CMQTTCFG?', ok('+CMQTTCFG: 0,1,120', '+CMQTTCFG: 1,1,120'), false)
  await h.command('AT+CMQTTACCQ=0,"c"', ok(), false)
  await h.command('AT+CMQTTCFG="checkUTF8",0,0', ok(), false)
  await h.command('AT+CMQTTCFG="version",0,4', ok(), false)
  await h.command('AT+CMQTTCFG="optimeout",0,60', ok(), false)
  await h.command('AT+CMQTTCFG?', ok('+CMQTTCFG: 0,0,60', '+CMQTTCFG: 1,1,120'), false)
  await h.command('AT+CMQTTCFG="version",0,5', error(), false)
  await h.command('AT+CMQTTCFG="optimeout",1,60', error(), false)
  await h.command('AT+CMQTTCFG="argtopic",0,1,1', error(), false)
  await h.command('AT+CMQTTCFG="aliauth",0,"pk","dev","secret"', ok(), false)
  await h.command('AT+CMQTTCFG="aliauth",0,"pk","dev"', error(), false)
  await h.command(
    'AT+CMQTTCFG=?',
    ok(
      '+CMQTTCFG: "checkUTF8",(0-1),(0-1)',
      '+CMQTTCFG: "optimeout",(0-1),(20-120)',
      '+CMQTTCFG: "aliauth",(0-1),"productkey","devicename","devicesecret"',
      '+CMQTTCFG: "version",(0-1),(3-4)',
      '+CMQTTCFG: "argtopic",(0-1),(0-1)',
    ),
    false,
  )
})

t.test('prompt commands: exact lengths, 22 out of range, 20 not acquired, 2 bad UTF-8', async t => {
  const h = await started(t)
  await h.command('AT+CMQTTTOPIC=0,5', error('+CMQTTTOPIC: 0,20'), false)
  await h.command('AT+CMQTTACCQ=0,"c"', ok(), false)
  for (const [cmd, text] of [
    ['AT+CMQTTWILLTOPIC=0,10', '0123456789'],
    ['AT+CMQTTWILLMSG=0,6,1', 'qwerty'],
    ['AT+CMQTTTOPIC=0,13', 'dddrrrggghhhk'],
    ['AT+CMQTTPAYLOAD=0,3', 'a\r\n'],
    ['AT+CMQTTSUBTOPIC=0,9,1', '123456789'],
    ['AT+CMQTTUNSUBTOPIC=0,9', '123456789'],
  ] as const) {
    await h.command(cmd, '\r\n>', false)
    h.write(text, 2)
    await h.expect(ok())
  }
  await h.command('AT+CMQTTTOPIC=0,1025', error('+CMQTTTOPIC: 0,22'), false)
  await h.command('AT+CMQTTTOPIC=0,0', error('+CMQTTTOPIC: 0,22'), false)
  await h.command('AT+CMQTTWILLTOPIC=0,1025', error('+CMQTTWILLTOPIC: 0,22'), false)
  await h.command('AT+CMQTTPAYLOAD=0,10241', error('+CMQTTPAYLOAD: 0,22'), false)
  await h.command('AT+CMQTTWILLMSG=0,10241,0', error('+CMQTTWILLMSG: 0,22'), false)
  await h.command('AT+CMQTTWILLMSG=0,5,3', error(), false)
  await h.command('AT+CMQTTTOPIC=0', error(), false)
  await h.command('AT+CMQTTTOPIC=0,2', '\r\n>', false)
  h.write(Buffer.from([0xc3, 0x28]))
  await h.expect(error('+CMQTTTOPIC: 0,2'))
  await h.command('AT+CMQTTCFG="checkUTF8",0,0', ok(), false)
  await h.command('AT+CMQTTTOPIC=0,2', '\r\n>', false)
  h.write(Buffer.from([0xc3, 0x28]))
  await h.expect(ok())
  await h.command('AT+CMQTTTOPIC=0,3', '\r\n>', false)
  h.write('ab')
  await h.expect(error()) // input timeout
  for (const [cmd, answer] of [
    ['AT+CMQTTTOPIC=?', '+CMQTTTOPIC: (0-1),(1-1024)'],
    ['AT+CMQTTPAYLOAD=?', '+CMQTTPAYLOAD: (0-1),(1-10240)'],
    ['AT+CMQTTWILLTOPIC=?', '+CMQTTWILLTOPIC: (0-1),(1-1024)'],
    ['AT+CMQTTWILLMSG=?', '+CMQTTWILLMSG: (0-1),(1-10240),(0-2)'],
    ['AT+CMQTTSUBTOPIC=?', '+CMQTTSUBTOPIC: (0-1),(1-1024),(0-2)'],
    ['AT+CMQTTUNSUBTOPIC=?', '+CMQTTUNSUBTOPIC: (0-1),(1-1024)'],
    ['AT+CMQTTSUB=?', '+CMQTTSUB: (0-1),(1-1024),(0-2),(0-1)'],
    ['AT+CMQTTUNSUB=?', '+CMQTTUNSUB: (0-1),(1-1024),(0-1)'],
    ['AT+CMQTTPUB=?', '+CMQTTPUB: (0-1),(0-2),(60-180),(0-1),(0-1)'],
    ['AT+CMQTTCONNECT=?', '+CMQTTCONNECT: (0-1),(9-256),(1-64800),(0-1)'],
    ['AT+CMQTTDISC=?', '+CMQTTDISC: (0-1),(0-180)'],
  ] as const)
    await h.command(cmd, ok(answer), false)
})

t.test('SUBTOPIC queues at most 10 topics', async t => {
  const h = await started(t)
  await h.command('AT+CMQTTACCQ=0,"c"', ok(), false)
  for (let i = 0; i < 10; i++) {
    await h.command('AT+CMQTTSUBTOPIC=0,1,0', '\r\n>', false)
    h.write(String(i))
    await h.expect(ok())
  }
  await h.command('AT+CMQTTSUBTOPIC=0,1,0', error('+CMQTTSUBTOPIC: 0,22'), false)
})

t.test('network commands while not connected', async t => {
  const h = await started(t)
  await h.command('AT+CMQTTACCQ=0,"c"', ok(), false)
  await h.command('AT+CMQTTPUB=0,1,60', error('+CMQTTPUB: 0,11'), false)
  await h.command('AT+CMQTTPUB=0,1,59', error(), false)
  await h.command('AT+CMQTTPUB=0,3,60', error(), false)
  await h.command('AT+CMQTTSUB=0', error('+CMQTTSUB: 0,11'), false)
  await h.command('AT+CMQTTSUB=0,9,1', error('+CMQTTSUB: 0,11'), false)
  await h.command('AT+CMQTTUNSUB=0,9,0', error('+CMQTTUNSUB: 0,11'), false)
  await h.command('AT+CMQTTUNSUB=0,0', error('+CMQTTUNSUB: 0,11'), false)
  await h.command('AT+CMQTTDISC=0,120', error('+CMQTTDISC: 0,11'), false)
  await h.command('AT+CMQTTDISC=1,120', error('+CMQTTDISC: 1,20'), false)
  await h.command('AT+CMQTTDISC=0,181', error(), false)
  await h.command('AT+CMQTTDISC?', ok('+CMQTTDISC: 0,1', '+CMQTTDISC: 1,1'), false)
  await h.command('AT+CMQTTCONNECT?', ok('+CMQTTCONNECT: 0', '+CMQTTCONNECT: 1'), false)
  await h.command('AT+CMQTTCONNECT=0,"tcp://127.0.0.1:1883",0,1', error(), false)
  await h.command('AT+CMQTTCONNECT=0,"tcp://a",60,1', error(), false)
  await h.command('AT+CMQTTCONNECT=0,"mqtt://broker.example:1883",60,1', error('+CMQTTCONNECT: 0,12'), false)
  await h.command('AT+CMQTTCONNECT=1,"tcp://127.0.0.1:1883",60,1', error('+CMQTTCONNECT: 1,20'), false)
})

t.test('an unmapped host fails as DNS (25) and is never contacted', async t => {
  const h = await started(t)
  await h.command('AT+CMQTTACCQ=0,"c"', ok(), false)
  await h.command('AT+CMQTTCONNECT=0,"tcp://test.mosquitto.org:8883",60,1', ok() + urc('+CMQTTCONNECT: 0,25'), false)
  t.match(h.modem.notes.join('\n'), /test\.mosquitto\.org:8883 is not mapped/)
})
