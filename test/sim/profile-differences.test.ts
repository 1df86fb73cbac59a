/**
 * Where an A76XX and a SIM7600 answer the same bytes differently, probed byte for byte. Each expected answer is
 * written from the module material (A76XX manual V1.09 and V2.03, SIM7600 captures), not from the simulator.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import t, { type Test } from 'tap'
import { startBroker } from '../../src/servers/broker/index.js'
import type { ResolveRule } from '../../src/sim/sockets/host-resolve.js'
import { BOOT, BOOT_SIM7600, WireHarness, error, ok, urc } from './wire-harness.js'
import { rxBlock } from './seed-session.js'

const A76XX = 'simcom-a76xx'
const SIM7600 = 'simcom-sim7600'

/** A broker stand-in on loopback that accepts CONNECT and then does what the test asks with each later packet. */
async function startScriptedBroker(t: Test, onPacket: (type: number, socket: Socket) => void, afterConnack?: Buffer): Promise<number> {
  const sockets = new Set<Socket>()
  const server: Server = createServer(socket => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('data', data => {
      const type = (data[0] ?? 0) >> 4
      if (type !== 1) return onPacket(type, socket)
      socket.write(Buffer.from([0x20, 0x02, 0x00, 0x00])) // CONNACK, accepted
      if (afterConnack !== undefined) setTimeout(() => socket.write(afterConnack), 50)
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  t.teardown(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise(resolve => server.close(resolve))
  })
  return (server.address() as AddressInfo).port
}

function mapHost(host: string, port: number, to: number): ResolveRule[] {
  return [{ host, port, to: { host: '127.0.0.1', port: to } }]
}

async function bootProfile(t: Test, profile: string, resolve: ResolveRule[] = [], echo = false): Promise<WireHarness> {
  const h = await WireHarness.boot({ profile, echo, resolve })
  t.teardown(() => h.close())
  return h
}

async function startService(h: WireHarness, profile: string): Promise<void> {
  await h.command('AT+CMQTTSTART', profile === SIM7600 ? ok('+CMQTTSTART: 0') : ok() + urc('+CMQTTSTART: 0'), false)
}

async function findClosedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}

t.test('START and STOP: A76XX prints OK then the result, SIM7600 the result then OK', async t => {
  const a = await bootProfile(t, A76XX)
  await a.command('AT+CMQTTSTART', '\r\nOK\r\n\r\n+CMQTTSTART: 0\r\n', false)
  await a.command('AT+CMQTTSTART', '\r\nERROR\r\n', false)
  await a.command('AT+CMQTTSTOP', '\r\nOK\r\n\r\n+CMQTTSTOP: 0\r\n\r\n+CMQTTNONET\r\n', false)
  const s = await bootProfile(t, SIM7600)
  await s.command('AT+CMQTTSTART', '\r\n+CMQTTSTART: 0\r\n\r\nOK\r\n', false)
  await s.command('AT+CMQTTSTART', '\r\n+CMQTTSTART: 23\r\n\r\nERROR\r\n', false)
  await s.command('AT+CMQTTSTOP', '\r\n+CMQTTSTOP: 0\r\n\r\nOK\r\n\r\n+CMQTTNONET\r\n', false)
})

t.test('before AT+CMQTTSTART an A76XX answers every CMQTT write and read with plain ERROR', async t => {
  const a = await bootProfile(t, A76XX)
  for (const line of [
    'AT+CMQTTACCQ=0,"c0"',
    'AT+CMQTTACCQ?',
    'AT+CMQTTCONNECT=0,"tcp://127.0.0.1:1883",60,1',
    'AT+CMQTTSSLCFG?',
    'AT+CMQTTCFG="checkUTF8",0,0',
  ])
    await a.command(line, error(), false)
  await a.command('AT+CMQTTACCQ=?', ok('+CMQTTACCQ: (0-1),(1-128),(0-1)'), false)
  const s = await bootProfile(t, SIM7600)
  await s.command('AT+CMQTTACCQ=0,"c0"', error('+CMQTTACCQ: 0,9'), false)
  await s.command('AT+CMQTTACCQ?', ok('+CMQTTACCQ: 0,"",0', '+CMQTTACCQ: 1,"",0'), false)
})

t.test('ranges: ACCQ version field, pub_timeout and will length per profile', async t => {
  const a = await bootProfile(t, A76XX)
  await startService(a, A76XX)
  await a.command('AT+CMQTTACCQ=0,"c",0,4', error(), false)
  await a.command('AT+CMQTTACCQ=0,"c"', ok(), false)
  await a.command('AT+CMQTTPUB=?', ok('+CMQTTPUB: (0-1),(0-2),(1-180),(0-1),(0-1)'), false)
  await a.command('AT+CMQTTPUB=0,0,30', error('+CMQTTPUB: 0,11'), false) // 30 s is valid; the client is not connected
  await a.command('AT+CMQTTWILLMSG=?', ok('+CMQTTWILLMSG: (0-1),(1-1024),(0-2)'), false)
  await a.command('AT+CMQTTWILLMSG=0,1025,0', error('+CMQTTWILLMSG: 0,22'), false)
  const s = await bootProfile(t, SIM7600)
  await startService(s, SIM7600)
  await s.command('AT+CMQTTACCQ=?', ok('+CMQTTACCQ: (0-1),(1-128),(0-1),(3-4)'), false)
  await s.command('AT+CMQTTACCQ=0,"c",0,4', ok(), false)
  await s.command('AT+CMQTTPUB=?', ok('+CMQTTPUB: (0-1),(0-2),(60-180),(0-1),(0-1)'), false)
  await s.command('AT+CMQTTPUB=0,0,30', error(), false)
  await s.command('AT+CMQTTWILLMSG=0,1025,0', '\r\n>', false)
})

t.test('a refused TCP connection: A76XX answers +CMQTTCONNECT: 0,3 and ERROR with no OK; SIM7600 OK then the URC', async t => {
  const closed = await findClosedPort()
  const a = await bootProfile(t, A76XX, mapHost('closed.example', 1883, closed))
  await startService(a, A76XX)
  await a.command('AT+CMQTTACCQ=0,"c"', ok(), false)
  await a.command('AT+CMQTTSSLCFG=0,3', ok(), false)
  await a.command('AT+CMQTTCONNECT=0,"tcp://closed.example:1883",20,1', '\r\n+CMQTTCONNECT: 0,3\r\n\r\nERROR\r\n', false)
  // the failed CONNECT cleared the binding: client 0 is back on SSL context 0
  await a.command('AT+CMQTTSSLCFG?', ok('+CMQTTSSLCFG: 0,0', '+CMQTTSSLCFG: 1,1'), false)
  const s = await bootProfile(t, SIM7600, mapHost('closed.example', 1883, closed))
  await startService(s, SIM7600)
  await s.command('AT+CMQTTACCQ=0,"c"', ok(), false)
  await s.command('AT+CMQTTCONNECT=0,"tcp://closed.example:1883",20,1', ok() + urc('+CMQTTCONNECT: 0,3'), false)
})

t.test('a server address without a port means 1883 on an A76XX and is invalid on a SIM7600', async t => {
  const broker = await startBroker({ mtlsPort: false })
  t.teardown(() => broker.close())
  const a = await bootProfile(t, A76XX, mapHost('broker.example', 1883, broker.tcpPort))
  await startService(a, A76XX)
  await a.command('AT+CMQTTACCQ=0,"c"', ok(), false)
  await a.command('AT+CMQTTCONNECT=0,"tcp://broker.example",60,1', ok() + urc('+CMQTTCONNECT: 0,0'), false)
  await a.command('AT+CMQTTSUBTOPIC=0,3,1', '\r\n>', false)
  a.write('a/b')
  await a.expect(ok())
  await a.command('AT+CMQTTSUB?', ok('+CMQTTSUB: a/b'), false)
  await a.command('AT+CMQTTSUB=0,1', ok() + urc('+CMQTTSUB: 0,0'), false) // bulk subscribe with dup
  const s = await bootProfile(t, SIM7600, mapHost('broker.example', 1883, broker.tcpPort))
  await startService(s, SIM7600)
  await s.command('AT+CMQTTACCQ=0,"c"', ok(), false)
  await s.command('AT+CMQTTCONNECT=0,"tcp://broker.example",60,1', error('+CMQTTCONNECT: 0,12'), false)
})

t.test('the broker drops the link during a QoS 1 publish: +CMQTTPUB: 0,6 then +CMQTTCONNLOST: 0,1', async t => {
  const port = await startScriptedBroker(t, (type, socket) => {
    if (type === 3) socket.end() // no PUBACK: the broker closes the connection
  })
  const s = await bootProfile(t, SIM7600, mapHost('drop.example', 1883, port))
  await startService(s, SIM7600)
  await s.command('AT+CMQTTACCQ=0,"c"', ok(), false)
  await s.command('AT+CMQTTCONNECT=0,"tcp://drop.example:1883",60,1', ok() + urc('+CMQTTCONNECT: 0,0'), false)
  await s.command('AT+CMQTTTOPIC=0,3', '\r\n>', false)
  s.write('a/b')
  await s.expect(ok())
  await s.command('AT+CMQTTPUB=0,1,60', ok() + urc('+CMQTTPUB: 0,6') + urc('+CMQTTCONNLOST: 0,1'), false)
})

t.test('AT+CRESET with MQTT running prints the teardown, then the family banner', async t => {
  const port = await startScriptedBroker(t, () => undefined)
  const s = await bootProfile(t, SIM7600, mapHost('up.example', 1883, port))
  await startService(s, SIM7600)
  await s.command('AT+CMQTTACCQ=0,"c"', ok(), false)
  await s.command('AT+CMQTTCONNECT=0,"tcp://up.example:1883",60,1', ok() + urc('+CMQTTCONNECT: 0,0'), false)
  await s.command(
    'AT+CRESET',
    ok() + urc('+CIPEVENT: NETWORK CLOSED UNEXPECTEDLY') + urc('+CMQTTCONNLOST: 0,3') + urc('+CMQTTNONET') + BOOT_SIM7600,
    false,
  )
  const a = await bootProfile(t, A76XX)
  await startService(a, A76XX)
  await a.command('AT+CRESET', ok() + urc('+CIPEVENT: NETWORK CLOSED UNEXPECTEDLY') + urc('+CMQTTNONET') + BOOT, false)
  await a.command('AT+CRESET', ok() + BOOT, false) // the service is not running after a reboot: nothing to tear down
})

t.test('prompt input is echoed under ATE1 on a SIM7600, not on an A76XX', async t => {
  for (const [profile, echoed] of [
    [SIM7600, 'a/b'],
    [A76XX, ''],
  ] as const) {
    const h = await bootProfile(t, profile, [], true)
    await h.command('AT+CMQTTSTART', profile === SIM7600 ? ok('+CMQTTSTART: 0') : ok() + urc('+CMQTTSTART: 0'))
    await h.command('AT+CMQTTACCQ=0,"c"', ok())
    await h.command('AT+CMQTTTOPIC=0,3', '\r\n>')
    h.write('a/b')
    await h.expect(echoed + ok())
  }
})

t.test('received data blocks: CRLF after the data on a SIM7600, the next header right after it on an A76XX', async t => {
  // CONNACK then, unasked, a QoS 0 PUBLISH of "hi" on t/a
  const publish = Buffer.from([0x30, 0x07, 0x00, 0x03, 0x74, 0x2f, 0x61, 0x68, 0x69])
  const port = await startScriptedBroker(t, () => undefined, publish)
  for (const [profile, dataCrlf] of [
    [A76XX, false],
    [SIM7600, true],
  ] as const) {
    const h = await bootProfile(t, profile, mapHost('rx.example', 1883, port))
    await startService(h, profile)
    await h.command('AT+CMQTTACCQ=0,"c"', ok(), false)
    await h.command('AT+CMQTTCONNECT=0,"tcp://rx.example:1883",60,1', ok() + urc('+CMQTTCONNECT: 0,0'), false)
    const block = dataCrlf
      ? '\r\n+CMQTTRXSTART: 0,3,2\r\n\r\n+CMQTTRXTOPIC: 0,3\r\nt/a\r\n\r\n+CMQTTRXPAYLOAD: 0,2\r\nhi\r\n\r\n+CMQTTRXEND: 0\r\n'
      : '\r\n+CMQTTRXSTART: 0,3,2\r\n\r\n+CMQTTRXTOPIC: 0,3\r\nt/a\r\n+CMQTTRXPAYLOAD: 0,2\r\nhi\r\n+CMQTTRXEND: 0\r\n'
    await h.expect(block)
    t.equal(block, rxBlock(0, 't/a', ['hi'], dataCrlf), 'the shared helper agrees')
  }
})
