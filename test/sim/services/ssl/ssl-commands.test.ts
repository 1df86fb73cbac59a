import t from 'tap'
import { WireHarness, error, ok } from '../../wire-harness.js'

t.test('AT+CSSLCFG sets and reads each context', async t => {
  const h = await WireHarness.boot({ echo: false })
  t.teardown(() => h.close())
  await h.command(
    'AT+CSSLCFG=?',
    ok(
      '+CSSLCFG: "sslversion",(0-9),(0-4)',
      '+CSSLCFG: "authmode",(0-9),(0-3)',
      '+CSSLCFG: "ignorelocaltime",(0-9),(0,1)',
      '+CSSLCFG: "negotiatetime",(0-9),(10-300)',
      '+CSSLCFG: "cacert",(0-9),(5-108)',
      '+CSSLCFG: "clientcert",(0-9),(5-108)',
      '+CSSLCFG: "clientkey",(0-9),(5-108)',
      '+CSSLCFG: "password",(0-9),(5-108)',
      '+CSSLCFG: "enableSNI",(0-9),(0,1)',
    ),
    false,
  )
  await h.command('AT+CSSLCFG=0', ok('+CSSLCFG: 0,4,0,1,300,"","","","",0'), false)
  for (const cmd of [
    '"sslversion",0,3',
    '"authmode",0,1',
    '"ignorelocaltime",0,0',
    '"negotiatetime",0,120',
    '"cacert",0,"ca.pem"',
    '"clientcert",0,"client.pem"',
    '"clientkey",0,"client.key"',
    '"password",0,"key.pass"',
    '"enableSNI",0,1',
    '"ignorecertCN",0,1',
  ]) {
    await h.command(`AT+CSSLCFG=${cmd}`, ok(), false)
  }
  await h.command('AT+CSSLCFG=0', ok('+CSSLCFG: 0,3,1,0,120,"ca.pem","client.pem","client.key","key.pass",1'), false)
  const read = await (h.write('AT+CSSLCFG?\r'), h.readUntil('OK\r\n'))
  t.equal(read.split('+CSSLCFG:').length - 1, 10, 'one line per context')
  for (const bad of [
    '"authmode",0,4',
    '"authmode",10,0',
    '"negotiatetime",0,5',
    '"cacert",0,"a.p"',
    '"cacert",0,ca.pem',
    '"colour",0,1',
    '"authmode",0',
  ]) {
    await h.command(`AT+CSSLCFG=${bad}`, error(), false)
  }
})

t.test('certificate files: download at the prompt, list, delete', async t => {
  const h = await WireHarness.boot({ echo: true })
  t.teardown(() => h.close())
  await h.command('AT+CCERTDOWN="ca.pem",10', '\r\n>')
  h.write('-----BEGIN')
  await h.expect(ok()) // prompt input is not echoed
  await h.command('AT+CCERTDOWN="client.pem",3', '\r\n>')
  h.write('abc', 1)
  await h.expect(ok())
  await h.command('AT+CCERTLIST', ok('+CCERTLIST: "ca.pem"', '+CCERTLIST: "client.pem"'))
  await h.command('AT+CCERTDELE="client.pem"', ok())
  await h.command('AT+CCERTDELE="client.pem"', error())
  await h.command('AT+CCERTLIST', ok('+CCERTLIST: "ca.pem"'))
  await h.command('AT+CCERTDOWN="ca.pem",0', error())
  await h.command('AT+CCERTDOWN="ca.pem",10241', error())
  await h.command('AT+CCERTDOWN="c.p",5', error())
  await h.command('AT+CCERTDOWN=?', ok('+CCERTDOWN: (5-108),(1-10240)'))
  h.modem.reboot()
  await h.readUntil('PB DONE\r\n')
  await h.command('AT+CCERTLIST', ok('+CCERTLIST: "ca.pem"')) // files live in flash
})

t.test('prompt input: surplus bytes are the next command line, too few time out with ERROR', async t => {
  const h = await WireHarness.boot({ echo: false, promptTimeoutMs: 50 })
  t.teardown(() => h.close())
  await h.command('AT+CCERTDOWN="ca.pem",4', '\r\n>', false)
  h.write('abcd\r\nAT\r')
  await h.expect(ok() + ok())
  await h.command('AT+CCERTDOWN="ca.pem",4', '\r\n>', false)
  h.write('ab')
  await h.expect(error())
  t.match(h.modem.notes, [/prompt input timed out/])
  await h.command('AT', ok(), false)
})
