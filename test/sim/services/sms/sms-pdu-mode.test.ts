import t from 'tap'
import { WireHarness, ok, urc } from '../../wire-harness.js'

const PROMPT = '\r\n> '
/** The SMSC address the SIM names, +10000000000: 7 octets, international, digits swapped, F-filled. */
const SCA = '07910100000000F0'

t.test('PDU mode: CMGS by TPDU length, the network gets the decoded text', async t => {
  const h = await WireHarness.boot({ echo: false, cmee: 1 })
  t.teardown(() => h.close())
  const sent: Array<{ to: string; text: string }> = []
  h.modem.onSmsSent(sms => sent.push({ to: sms.to, text: sms.text }))
  // TS 23.040 SMS-SUBMIT: no SMSC, VP relative, to +46708251358, GSM 7-bit "hellohello" (23 octets of TPDU)
  h.write('AT+CMGS=23\r')
  await h.expect(PROMPT)
  h.write('0011000B916407281553F80000AA0AE8329BFD4697D9EC37\x1a', 7)
  await h.expect(ok('+CMGS: 0'))
  // UCS2 "你好" to +491701234567, with its own SMSC address
  h.write('AT+CMGS=17\r')
  await h.expect(PROMPT)
  h.write('0791947100000000' + '0100' + '0C91947110325476' + '0008' + '04' + '4F60597D' + '\x1a')
  await h.expect(ok('+CMGS: 1'))
  t.same(sent, [
    { to: '+46708251358', text: 'hellohello' },
    { to: '+491701234567', text: '你好' },
  ])
  h.write('AT+CMGS=22\r') // one octet short of the PDU that follows
  await h.expect(PROMPT)
  h.write('0011000B916407281553F80000AA0AE8329BFD4697D9EC37\x1a')
  await h.expect('\r\n+CMS ERROR: 304\r\n')
  h.write('AT+CMGS=3\r')
  await h.expect('\r\n+CMS ERROR: 304\r\n')
})

t.test('PDU mode: a received message is an SMS-DELIVER, read with stat and length', async t => {
  const h = await WireHarness.boot({ echo: false, cmee: 1 })
  t.teardown(() => h.close())
  h.modem.deliverSms('+491701234567', 'hello')
  await h.expect(urc('+CMTI: "SM",1'))
  h.write('AT+CMGR=1\r')
  const read = await h.readUntil('\r\nOK\r\n')
  // first octet 04 (SMS-DELIVER, no more messages), OA +491701234567, PID 0, DCS 0, 7 octets of time stamp,
  // UDL 5, "hello" packed
  const pdu = /^\r\n\+CMGR: 0,"",24\r\n([0-9A-F]+)\r\n\r\nOK\r\n$/.exec(read)?.[1] ?? ''
  t.equal(pdu.slice(0, 16), SCA)
  t.equal(pdu.slice(16, 38), '040C919471103254760000')
  t.equal(pdu.slice(52), '05E8329BFD06')
  h.write('AT+CMGL=4\r')
  t.match(await h.readUntil('\r\nOK\r\n'), /^\r\n\+CMGL: 1,1,"",24\r\n07910100000000F0040C91/)
  await h.command('AT+CMGL=?', ok('+CMGL: (0-4)'), false)
  await h.command('AT+CNMI=2,2', ok(), false)
  h.modem.deliverSms('12345', 'x')
  t.match(
    (await h.readUntil('\r\n', 3000)) + (await h.readUntil('\r\n')) + (await h.readUntil('\r\n')),
    /^\r\n\+CMT: "",\d+\r\n07910100000000F00405812143F5/,
  )
})

t.test('a long message arrives as concatenated parts, each stored', async t => {
  const h = await WireHarness.boot({ echo: false, cmee: 1 })
  t.teardown(() => h.close())
  h.modem.deliverSms('+491701234567', 'x'.repeat(200))
  await h.expect(urc('+CMTI: "SM",1') + urc('+CMTI: "SM",2'))
  h.write('AT+CMGR=2\r')
  // UDHI set (44), UDL 7 header septets + 47, header 05 00 03 <ref> 02 02
  t.match(await h.readUntil('\r\nOK\r\n'), /\r\n07910100000000F0440C91947110325476/)
})

t.test('status reports: SIM7600 shows +CDS with ds 1, A7670 refuses ds 1', async t => {
  const a76 = await WireHarness.boot({ echo: false, cmee: 1 })
  t.teardown(() => a76.close())
  await a76.command('AT+CNMI=2,1,0,1,0', '\r\n+CMS ERROR: 303\r\n', false)
  await a76.command('AT+CNMI=2,2,0,0,0', ok(), false)
  const h = await WireHarness.boot({ echo: false, cmee: 1, profile: 'simcom-sim7600' })
  t.teardown(() => h.close())
  await h.command('AT+CMGF=1', ok(), false)
  await h.command('AT+CNMI=2,1,0,1,0', ok(), false)
  await h.command('AT+CSMP=49,167,0,0', ok(), false) // fo 49: SMS-SUBMIT, VP relative, status report requested
  h.write('AT+CMGS="+491701234567"\r')
  await h.expect(PROMPT)
  h.write('report me\x1a')
  await h.expect(ok('+CMGS: 0'))
  t.match(await h.readUntil(',0\r\n'), /^\r\n\+CDS: 6,0,"\+491701234567",145,"[^"]+","[^"]+",0\r\n$/)
})

t.test('no SIM: message commands answer +CMS ERROR 310, a locked SIM 311', async t => {
  const h = await WireHarness.boot({ echo: false, cmee: 1, simPresent: false })
  t.teardown(() => h.close())
  await h.command('AT+CPMS?', '\r\n+CMS ERROR: 310\r\n', false)
  await h.command('AT+CMGR=1', '\r\n+CMS ERROR: 310\r\n', false)
  const locked = new WireHarness({ echo: false, cmee: 1, simPin: '4321' })
  t.teardown(() => locked.close())
  await locked.expect('\r\n*ATREADY: 1\r\n\r\n+CPIN: SIM PIN\r\n')
  await locked.command('AT+CMGL=4', '\r\n+CMS ERROR: 311\r\n', false)
})

t.test('PDU mode: CMGW stores a PDU as given, CMGR shows it with its stat, CMSS sends it', async t => {
  const h = await WireHarness.boot({ echo: false, cmee: 1 })
  t.teardown(() => h.close())
  const sent: string[] = []
  h.modem.onSmsSent(sms => sent.push(`${sms.to}:${sms.text}`))
  const submit = '0011000B916407281553F80000AA0AE8329BFD4697D9EC37'
  h.write('AT+CMGW=23\r')
  await h.expect(PROMPT)
  h.write(`${submit}\x1a`)
  await h.expect(ok('+CMGW: 1'))
  await h.command('AT+CMGR=1', ok('+CMGR: 2,"",23', submit), false)
  await h.command('AT+CMSS=1', ok('+CMSS: 0'), false)
  await h.command('AT+CMGL=3', ok('+CMGL: 1,3,"",23', submit), false)
  t.same(sent, ['+46708251358:hellohello'])
  // a received message written back (stat 1): the TS 23.040 SMS-DELIVER example
  const deliver = '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37'
  h.write('AT+CMGW=28,1\r')
  await h.expect(PROMPT)
  h.write(`${deliver}\x1a`)
  await h.expect(ok('+CMGW: 2'))
  await h.command('AT+CMGF=1', ok(), false)
  await h.command('AT+CMGR=2', ok('+CMGR: "REC READ","27838890001","","99/03/29,15:16:59+08"', 'hellohello'), false)
  await h.command('AT+CMSS=2', '\r\n+CMS ERROR: 321\r\n', false) // a received message cannot be sent
  await h.command('AT+CMGF=0', ok(), false)
  h.write('AT+CMGW=23,1\r') // a SUBMIT is no received message
  await h.expect(PROMPT)
  h.write(`${submit}\x1a`)
  await h.expect('\r\n+CMS ERROR: 304\r\n')
})
