/**
 * AT+QMTCFG="recv/mode",<idx>,<mode>,1 (msg_len_enable) on both Quectel profiles: the payload length comes right
 * before the quoted payload, `+QMTRECV: <idx>,<msgID>,"<topic>",<len>,"<payload>"`, pushed at once (mode 0) or read
 * from a buffer with AT+QMTRECV (mode 1, then `<idx>,<recv_id>,<msgID>,...`). The payload's bytes are printed as
 * they came, CR LF and OK included.
 */
import t, { type Test } from 'tap'
import { startBroker } from '../../../../src/servers/broker/index.js'
import { WireHarness, ok, urc } from '../../wire-harness.js'

const PROFILES = ['quectel-bg96', 'quectel-eg25'] as const
const PAYLOAD = 'a\r\nOK\r\nb'

async function bootConnected(t: Test, profile: (typeof PROFILES)[number], recvMode: string): Promise<WireHarness> {
  const broker = await startBroker({ mtlsPort: false })
  t.teardown(() => broker.close())
  const h = await WireHarness.boot({
    profile,
    resolve: [{ host: 'broker.example', port: 1883, to: { host: broker.host, port: broker.tcpPort } }],
  })
  t.teardown(() => h.close())
  await h.command(`AT+QMTCFG="recv/mode",0,${recvMode}`, ok())
  await h.command('AT+QMTCFG="recv/mode",0', ok(`+QMTCFG: "recv/mode",${recvMode}`))
  await h.command('AT+QMTOPEN=0,"broker.example",1883', ok())
  await h.expect(urc('+QMTOPEN: 0,0'))
  await h.command('AT+QMTCONN=0,"len-probe"', ok())
  await h.expect(urc('+QMTCONN: 0,0,0'))
  await h.command('AT+QMTSUB=0,1,"len/rx",1', ok())
  await h.expect(urc('+QMTSUB: 0,1,0,1'))
  return h
}

/** Publishes from the module itself, so the broker sends the message back to it. */
async function publishToSelf(h: WireHarness): Promise<void> {
  await h.command('AT+QMTPUB=0,2,1,0,"len/rx"', '\r\n> ')
  h.write(`${PAYLOAD}\x1a`)
  await h.expect(ok() + urc('+QMTPUB: 0,2,0'))
}

for (const profile of PROFILES) {
  t.test(`${profile}: a pushed message carries its length before the payload`, async t => {
    const h = await bootConnected(t, profile, '0,1')
    await publishToSelf(h)
    const got = await h.readUntil('b"\r\n')
    t.match(got, /^\r\n\+QMTRECV: 0,\d+,"len\/rx",8,"a\r\nOK\r\nb"\r\n$/, 'the exact bytes, one line')
  })

  t.test(`${profile}: a buffered message read with AT+QMTRECV carries its length too`, async t => {
    const h = await bootConnected(t, profile, '1,1')
    await publishToSelf(h)
    await h.expect(urc('+QMTRECV: 0,0'))
    h.write('AT+QMTRECV=0,0\r')
    const got = await h.readUntil('b"\r\n\r\nOK\r\n')
    t.match(got, /^AT\+QMTRECV=0,0\r\r\n\+QMTRECV: 0,0,\d+,"len\/rx",8,"a\r\nOK\r\nb"\r\n\r\nOK\r\n$/)
  })
}
