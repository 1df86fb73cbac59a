/**
 * The BG96 profile's MQTT client byte by byte against the embedded broker, written from the MQTT application note
 * as the project's Quectel notes summarise it: `OK` first, results as `+QMTxxx:` URCs after it, the `> ` prompt,
 * Ctrl-Z ending the payload, one quoted `+QMTRECV` line per message, `+QMTSTAT` when a link ends.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net'
import t, { type Test } from 'tap'
import { startBroker, type EmbeddedBroker } from '../../../../src/servers/broker/index.js'
import type { ResolveRule } from '../../../../src/sim/sockets/host-resolve.js'
import { WireHarness, error, ok, urc } from '../../wire-harness.js'

const PROFILE = 'quectel-bg96'

async function withBroker(t: Test): Promise<EmbeddedBroker> {
  const broker = await startBroker({ mtlsPort: false })
  t.teardown(() => broker.close())
  return broker
}

function brokerRules(broker: EmbeddedBroker): ResolveRule[] {
  return [
    { host: 'broker.example', port: 1883, to: { host: broker.host, port: broker.tcpPort } },
    { host: 'broker.example', port: 8883, to: { host: broker.host, port: broker.tlsPort } },
    { host: 'localhost', port: 8883, to: { host: broker.host, port: broker.tlsPort } },
  ]
}

async function boot(t: Test, resolve: ResolveRule[]): Promise<WireHarness> {
  const h = await WireHarness.boot({ profile: PROFILE, resolve })
  t.teardown(() => h.close())
  return h
}

/** Opens and connects client 0 to broker.example:1883 with echo on. */
async function connect(h: WireHarness, clientId = 'bg96-probe'): Promise<void> {
  await h.command('AT+QMTOPEN=0,"broker.example",1883', ok())
  await h.expect(urc('+QMTOPEN: 0,0'))
  await h.command(`AT+QMTCONN=0,"${clientId}"`, ok())
  await h.expect(urc('+QMTCONN: 0,0,0'))
}

/** The FILE application note's checksum: XOR of the data as 16-bit big-endian words, printed in hex. */
function xorChecksum(data: Buffer): string {
  const padded = data.length % 2 === 0 ? data : Buffer.concat([data, Buffer.from([0])])
  let sum = 0
  for (let i = 0; i < padded.length; i += 2) sum ^= padded.readUInt16BE(i)
  return sum.toString(16)
}

t.test('ATI and AT+CGMR answer bare lines: Quectel, BG96, Revision', async t => {
  const h = await boot(t, [])
  await h.command('ATI', ok('Quectel', 'BG96', 'Revision: BG96MAR02A07M1G'))
  await h.command('AT+CGMR', ok('BG96MAR02A07M1G'))
  await h.command('AT+CMEE?', ok('+CMEE: 1'))
})

t.test('open, connect, subscribe, publish up to Ctrl-Z, receive, disconnect: exact bytes and their order', async t => {
  const broker = await withBroker(t)
  const h = await boot(t, brokerRules(broker))
  await h.command('AT+QMTCFG="version",0', ok('+QMTCFG: "version",4'))
  await h.command('AT+QMTCFG="keepalive",0,60', ok())
  await h.command('AT+QMTCFG="keepalive",0', ok('+QMTCFG: "keepalive",60'))
  await connect(h)
  await h.command('AT+QMTOPEN?', ok('+QMTOPEN: 0,"broker.example",1883'))
  await h.command('AT+QMTCONN?', ok('+QMTCONN: 0,3'))
  await h.command('AT+QMTSUB=0,1,"probe/down",1', ok())
  await h.expect(urc('+QMTSUB: 0,1,0,1'))
  await h.command('AT+QMTPUB=0,7,1,0,"probe/up"', '\r\n> ')
  h.write('hello\x1a')
  await h.expect(ok() + urc('+QMTPUB: 0,7,0'))
  const up = broker.observer.messages().find(m => m.topic === 'probe/up')
  t.equal(up?.payload.toString(), 'hello', 'the broker got the payload without the Ctrl-Z')
  t.equal(up?.qos, 1)
  await broker.publish({ topic: 'probe/down', payload: 'a"b\r\nOK\r\n', qos: 0 })
  await h.expect(urc('+QMTRECV: 0,0,"probe/down","a"b\r\nOK\r\n"'))
  await h.command('AT+QMTDISC=0', ok())
  await h.expect(urc('+QMTDISC: 0,0'))
  await h.command('AT+QMTCONN?', ok())
  t.notOk(
    broker.observer.messages().some(m => m.isWill),
    'no will after a clean disconnect',
  )
})

t.test('the fixed-length publish reads exactly <msglen> bytes; AT+QMTPUBEX is not a BG96 command', async t => {
  const broker = await withBroker(t)
  const h = await boot(t, brokerRules(broker))
  await connect(h)
  await h.command('AT+QMTPUB=0,0,0,1,"probe/fixed",6', '\r\n> ')
  h.write('\r\nOK\r\n', 2)
  await h.expect(ok() + urc('+QMTPUB: 0,0,0'))
  const fixed = await broker.observer.waitFor(m => m.topic === 'probe/fixed', { timeoutMs: 3000 })
  t.equal(fixed.payload.toString(), '\r\nOK\r\n')
  t.equal(fixed.retain, true)
  await h.command('AT+QMTPUBEX=0,0,0,0,"probe/fixed",3', error())
  await h.command('AT+QMTPUB=0,1,0,0,"probe/fixed"', error(), true)
  await h.command('AT+QMTPUB=0,0,1,0,"probe/fixed"', error(), true)
  await h.command('AT+QMTPUB=0,1,1,0,"probe/esc"', '\r\n> ')
  h.write('never\x1b')
  await h.expect(ok())
  await h.command('AT', ok())
  t.notOk(
    broker.observer.messages().some(m => m.topic === 'probe/esc'),
    'Esc gives the publish up',
  )
})

t.test('wrong states answer ERROR: connect before open, publish before connect, open twice is result 2', async t => {
  const broker = await withBroker(t)
  const h = await boot(t, brokerRules(broker))
  await h.command('AT+QMTCONN=0,"early"', error())
  await h.command('AT+QMTCLOSE=0', error())
  await h.command('AT+QMTOPEN=6,"broker.example",1883', error())
  await h.command('AT+QMTOPEN=0,"broker.example",1883', ok())
  await h.expect(urc('+QMTOPEN: 0,0'))
  await h.command('AT+QMTPUB=0,1,1,0,"t"', error())
  await h.command('AT+QMTSUB=0,1,"t",1', error())
  await h.command('AT+QMTOPEN=0,"broker.example",1883', ok())
  await h.expect(urc('+QMTOPEN: 0,2'))
  await h.command('AT+QMTOPEN=1,"nowhere.example",1883', ok())
  await h.expect(urc('+QMTOPEN: 1,4'))
  await h.command('AT+QMTCLOSE=0', ok())
  await h.expect(urc('+QMTCLOSE: 0,0'))
})

t.test('buffer mode: +QMTRECV: <idx>,<recv_id>, then AT+QMTRECV reads the message', async t => {
  const broker = await withBroker(t)
  const h = await boot(t, brokerRules(broker))
  await h.command('AT+QMTCFG="recv/mode",0,1', ok())
  await h.command('AT+QMTCFG="recv/mode",0', ok('+QMTCFG: "recv/mode",1,0'))
  await connect(h)
  await h.command('AT+QMTSUB=0,2,"probe/buf",0', ok())
  await h.expect(urc('+QMTSUB: 0,2,0,0'))
  await broker.publish({ topic: 'probe/buf', payload: 'kept' })
  await h.expect(urc('+QMTRECV: 0,0'))
  await h.command('AT+QMTRECV?', ok('+QMTRECV: 0,1,0,0,0,0'))
  await h.command('AT+QMTRECV=0,0', ok('+QMTRECV: 0,0,0,"probe/buf","kept"'))
  await h.command('AT+QMTRECV?', ok('+QMTRECV: 0,0,0,0,0,0'))
})

t.test('a will set with AT+QMTCFG="will" is published when the network goes away (+QMTSTAT: 0,7)', async t => {
  const broker = await withBroker(t)
  const h = await boot(t, brokerRules(broker))
  await h.command('AT+QMTCFG="will",0,1,1,0,"probe/will","gone"', ok())
  await h.command('AT+QMTCFG="will",0', ok('+QMTCFG: "will",1,1,0,"probe/will","gone"'))
  await connect(h, 'bg96-will')
  const will = broker.observer.waitFor(m => m.topic === 'probe/will' && m.isWill, { timeoutMs: 5000 })
  h.modem.dropNetwork()
  await h.expect(urc('+QMTSTAT: 0,7'))
  t.equal((await will).payload.toString(), 'gone')
  await h.command('AT+QMTOPEN=0,"broker.example",1883', ok())
  await h.expect(urc('+QMTOPEN: 0,3'), 3000)
})

/** A broker that answers CONNECT and then nothing (no PINGRESP), closes the socket after CONNACK, or never answers at all. */
async function silentBroker(t: Test, closeAfterConnack: boolean, connack = true): Promise<number> {
  const sockets = new Set<Socket>()
  const server = createServer(socket => {
    sockets.add(socket)
    socket.once('data', () => {
      if (connack) socket.write(Buffer.from([0x20, 0x02, 0x00, 0x00]))
      if (closeAfterConnack) setTimeout(() => socket.end(), 50)
    })
    socket.on('error', () => undefined)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => {
    for (const socket of sockets) socket.destroy()
    return new Promise<void>(resolve => server.close(() => resolve()))
  })
  return (server.address() as AddressInfo).port
}

t.test('a broker that closes the link gives +QMTSTAT: 0,1; one that ignores PINGREQ gives +QMTSTAT: 0,2', async t => {
  const closing = await silentBroker(t, true)
  const silent = await silentBroker(t, false)
  const h = await boot(t, [
    { host: 'closing.example', port: 1883, to: { host: '127.0.0.1', port: closing } },
    { host: 'silent.example', port: 1883, to: { host: '127.0.0.1', port: silent } },
  ])
  await h.command('AT+QMTOPEN=0,"closing.example",1883', ok())
  await h.expect(urc('+QMTOPEN: 0,0'))
  await h.command('AT+QMTCONN=0,"c"', ok())
  await h.expect(urc('+QMTCONN: 0,0,0') + urc('+QMTSTAT: 0,1'))
  await h.command('AT+QMTCFG="keepalive",1,1', ok())
  await h.command('AT+QMTOPEN=1,"silent.example",1883', ok())
  await h.expect(urc('+QMTOPEN: 1,0'))
  await h.command('AT+QMTCONN=1,"s"', ok())
  await h.expect(urc('+QMTCONN: 1,0,0'))
  await h.expect(urc('+QMTSTAT: 1,2'), 5000)
})

t.test('TLS: the CA goes to UFS with AT+QFUPL (CONNECT, bytes, +QFUPL: <size>,<checksum>), seclevel 1 verifies', async t => {
  const broker = await withBroker(t)
  const h = await boot(t, brokerRules(broker))
  const ca = Buffer.from(broker.ca)
  await h.command(`AT+QFUPL="UFS:ca.pem",${ca.length}`, '\r\nCONNECT\r\n')
  h.write(ca, 512)
  await h.expect(ok(`+QFUPL: ${ca.length},${xorChecksum(ca)}`))
  await h.command(`AT+QFUPL="ca.pem",10`, '\r\n+CME ERROR: 407\r\n')
  await h.command('AT+QFLST="*"', ok(`+QFLST: "ca.pem",${ca.length}`))
  await h.command('AT+QSSLCFG="seclevel",2,1', ok())
  await h.command('AT+QSSLCFG="cacert",2,"UFS:ca.pem"', ok())
  await h.command('AT+QSSLCFG="cacert",2', ok('+QSSLCFG: "cacert",2,"UFS:ca.pem"'))
  await h.command('AT+QMTCFG="ssl",0,1,2', ok())
  await h.command('AT+QMTCFG="ssl",0', ok('+QMTCFG: "ssl",1,2'))
  await h.command('AT+QMTOPEN=0,"127.0.0.1",1', ok())
  await h.expect(urc('+QMTOPEN: 0,5'))
  await h.command('AT+QMTOPEN=0,"broker.example",8883', ok())
  await h.expect(urc('+QMTOPEN: 0,-1'), 5000)
  t.match(h.modem.notes.join('\n'), /not for broker\.example/, 'the name check refused broker.example')
  await h.command('AT+QMTOPEN=0,"localhost",8883', ok())
  await h.expect(urc('+QMTOPEN: 0,0'), 5000)
  await h.command('AT+QMTCONN=0,"bg96-tls"', ok())
  await h.expect(urc('+QMTCONN: 0,0,0'))
  await h.command('AT+QMTDISC=0', ok())
  await h.expect(urc('+QMTDISC: 0,0'))
  await h.command('AT+QFDEL="ca.pem"', ok())
  await h.command('AT+QFDEL="ca.pem"', '\r\n+CME ERROR: 405\r\n')
})

t.test('no CONNACK within the packet timeout: +QMTCONN: <idx>,2, then +QMTSTAT: <idx>,4', async t => {
  const mute = await silentBroker(t, false, false)
  const h = await boot(t, [{ host: 'mute.example', port: 1883, to: { host: '127.0.0.1', port: mute } }])
  await h.command('AT+QMTCFG="timeout",0,1,0,0', ok())
  await h.command('AT+QMTCFG="timeout",0', ok('+QMTCFG: "timeout",1,0,0'))
  await h.command('AT+QMTOPEN=0,"mute.example",1883', ok())
  await h.expect(urc('+QMTOPEN: 0,0'))
  await h.command('AT+QMTCONN=0,"m"', ok())
  await h.expect(urc('+QMTCONN: 0,2') + urc('+QMTSTAT: 0,4'), 4000)
})

t.test('a payload longer than the limit without Ctrl-Z is refused with ERROR, and nothing is published', async t => {
  const broker = await withBroker(t)
  const h = await boot(t, brokerRules(broker))
  await connect(h)
  await h.command('AT+QMTPUB=0,1,1,0,"probe/long"', '\r\n> ')
  h.write('x'.repeat(1549), 256)
  await h.expect(error())
  await h.command('AT', ok())
  t.notOk(
    broker.observer.messages().some(m => m.topic === 'probe/long'),
    'the oversized payload was not published',
  )
})
