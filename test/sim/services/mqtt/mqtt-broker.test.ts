/** The simulator's MQTT sessions against the embedded broker: the seed, received messages, wills, TLS checks, failures. */
import { createServer, type AddressInfo } from 'node:net'
import t, { type Test } from 'tap'
import { createTestCertificates, startBroker, type EmbeddedBroker } from '../../../../src/servers/broker/index.js'
import type { ResolveRule } from '../../../../src/sim/sockets/host-resolve.js'
import { WireHarness, error, ok, urc } from '../../wire-harness.js'
import { answerPrompt, runSeedSubscriptions, runSeedTeardown, runSeedUntilPublish, rxBlock, SEED_PAYLOAD } from '../../seed-session.js'

async function withBroker(t: Test, opts: Parameters<typeof startBroker>[0] = {}): Promise<EmbeddedBroker> {
  const broker = await startBroker({ mtlsPort: false, ...opts })
  t.teardown(() => broker.close())
  return broker
}

function mapPublicBroker(broker: EmbeddedBroker): ResolveRule[] {
  return [
    { host: 'test.mosquitto.org', port: 8883, to: { host: broker.host, port: broker.tlsPort } },
    { host: 'test.mosquitto.org', port: 1883, to: { host: broker.host, port: broker.tcpPort } },
  ]
}

async function bootWith(t: Test, resolve: ResolveRule[], echo = true): Promise<WireHarness> {
  const h = await WireHarness.boot({ resolve, echo })
  t.teardown(() => h.close())
  return h
}

t.test('the seed sequence over TLS not-verify reaches the broker byte for byte', async t => {
  const broker = await withBroker(t)
  const h = await bootWith(t, mapPublicBroker(broker))
  await runSeedUntilPublish(h)
  const published = broker.observer.messages().find(m => m.topic === 'dddrrrggghhhk')
  t.ok(published, 'the broker saw the publish')
  t.equal(published?.payload.toString(), SEED_PAYLOAD)
  t.equal(published?.qos, 1)
  t.equal(published?.isWill, false)
  await runSeedSubscriptions(h)
  await runSeedTeardown(h)
  t.notOk(
    broker.observer.messages().some(m => m.isWill),
    'a clean DISCONNECT drops the will',
  )
})

t.test('a message to a subscribed topic arrives as RXSTART..RXEND with exact lengths, in 1500-byte chunks', async t => {
  const broker = await withBroker(t)
  const h = await bootWith(t, mapPublicBroker(broker), false)
  await h.command('AT+CMQTTSTART', ok() + urc('+CMQTTSTART: 0'), false)
  await h.command('AT+CMQTTACCQ=0,"rx"', ok(), false)
  await h.command('AT+CMQTTCONNECT=0,"tcp://test.mosquitto.org:1883",60,1', ok(), false)
  await h.expect(urc('+CMQTTCONNECT: 0,0'))
  await h.command('AT+CMQTTSUB=0,9,1', '\r\n>', false)
  await answerPrompt(h, 'simcommsg')
  await h.expect(urc('+CMQTTSUB: 0,0'))
  await broker.publish({ topic: 'simcommsg', payload: SEED_PAYLOAD, qos: 1 })
  await h.expect(rxBlock(0, 'simcommsg', [SEED_PAYLOAD]))
  const long = 'x'.repeat(1500) + 'y'.repeat(1500) + 'z\r\nOK\r\n'
  await broker.publish({ topic: 'simcommsg', payload: long })
  await h.expect(rxBlock(0, 'simcommsg', ['x'.repeat(1500), 'y'.repeat(1500), 'z\r\nOK\r\n']))
  await broker.publish({ topic: 'simcommsg', payload: '' })
  await h.expect(rxBlock(0, 'simcommsg', []))
  await h.command('AT+CMQTTCONNECT?', ok('+CMQTTCONNECT: 0,"tcp://test.mosquitto.org:1883",60,1', '+CMQTTCONNECT: 1'), false)
  await h.command('AT+CMQTTDISC?', ok('+CMQTTDISC: 0,0', '+CMQTTDISC: 1,1'), false)
  await h.command('AT+CMQTTCONNECT=0,"tcp://test.mosquitto.org:1883",60,1', error('+CMQTTCONNECT: 0,14'), false)
  await h.command('AT+CMQTTREL=0', error('+CMQTTREL: 0,14'), false)
  await h.command('AT+CMQTTPUB=0,0,60', error('+CMQTTPUB: 0,18'), false)
  await h.command('AT+CMQTTSUB=0', error('+CMQTTSUB: 0,18'), false)
  await h.command('AT+CMQTTUNSUBTOPIC=0,9', '\r\n>', false)
  await answerPrompt(h, 'simcommsg')
  await h.command('AT+CMQTTUNSUB=0', ok(), false)
  await h.expect(urc('+CMQTTUNSUB: 0,0'))
})

t.test('a dropped network ends the session with CONNLOST and NONET, and the broker delivers the will', async t => {
  const broker = await withBroker(t)
  const h = await bootWith(t, mapPublicBroker(broker))
  await runSeedUntilPublish(h)
  h.modem.dropNetwork()
  await h.expect(urc('+CMQTTCONNLOST: 0,3') + urc('+CMQTTNONET'))
  const will = await broker.observer.waitFor(m => m.isWill, { timeoutMs: 5000 })
  t.equal(will.topic, '0123456789')
  t.equal(will.payload.toString(), 'qwerty')
  t.equal(will.qos, 1)
  await h.command('AT+CMQTTSTART', ok() + urc('+CMQTTSTART: 7'))
  h.modem.restoreNetwork()
  await h.command('AT+CMQTTSTART', ok() + urc('+CMQTTSTART: 0'))
})

t.test('the broker going away gives CONNLOST cause 1; a reboot drops sessions silently', async t => {
  const broker = await startBroker({ mtlsPort: false })
  t.teardown(() => broker.close())
  const h = await bootWith(t, mapPublicBroker(broker), false)
  await h.command('AT+CMQTTSTART', ok() + urc('+CMQTTSTART: 0'), false)
  await h.command('AT+CMQTTACCQ=0,"lost"', ok(), false)
  await h.command('AT+CMQTTCONNECT=0,"tcp://test.mosquitto.org:1883",60,1', ok() + urc('+CMQTTCONNECT: 0,0'), false)
  await broker.close()
  await h.expect(urc('+CMQTTCONNLOST: 0,1'))
  await h.command('AT+CMQTTCONNECT?', ok('+CMQTTCONNECT: 0', '+CMQTTCONNECT: 1'), false)
})

t.test('TLS authmode 1: the right CA connects; a wrong CA, another host name or no CA fail with 32 / 33', async t => {
  const broker = await withBroker(t)
  const other = await createTestCertificates({ hostnames: ['localhost'] })
  const resolve: ResolveRule[] = [
    ...mapPublicBroker(broker),
    { host: 'localhost', port: 8883, to: { host: broker.host, port: broker.tlsPort } },
  ]
  const h = await bootWith(t, resolve, false)
  await h.command('AT+CMQTTSTART', ok() + urc('+CMQTTSTART: 0'), false)
  await h.command(`AT+CCERTDOWN="ca.pem",${Buffer.byteLength(broker.ca)}`, '\r\n>', false)
  await answerPrompt(h, broker.ca)
  await h.command(`AT+CCERTDOWN="other.pem",${Buffer.byteLength(other.ca)}`, '\r\n>', false)
  await answerPrompt(h, other.ca)
  await h.command('AT+CSSLCFG="authmode",0,1', ok(), false)
  await h.command('AT+CMQTTACCQ=0,"verify",1', ok(), false)
  await h.command('AT+CMQTTCONNECT=0,"tcp://localhost:8883",60,1', ok() + urc('+CMQTTCONNECT: 0,33'), false)
  await h.command('AT+CSSLCFG="cacert",0,"ca.pem"', ok(), false)
  await h.command('AT+CMQTTCONNECT=0,"tcp://test.mosquitto.org:8883",60,1', ok() + urc('+CMQTTCONNECT: 0,32'), false)
  await h.command('AT+CMQTTCONNECT=0,"tcp://localhost:8883",60,1', ok() + urc('+CMQTTCONNECT: 0,0'), false)
  await h.command('AT+CMQTTDISC=0,60', ok() + urc('+CMQTTDISC: 0,0'), false)
  await h.command('AT+CSSLCFG="cacert",0,"other.pem"', ok(), false)
  await h.command('AT+CMQTTCONNECT=0,"tcp://localhost:8883",60,1', ok() + urc('+CMQTTCONNECT: 0,32'), false)
  await h.command('AT+CSSLCFG="authmode",0,2', ok(), false)
  await h.command('AT+CMQTTCONNECT=0,"tcp://localhost:8883",60,1', ok() + urc('+CMQTTCONNECT: 0,33'), false)
  t.match(h.modem.notes.join('\n'), /not trusted|not for test\.mosquitto\.org/)
})

t.test('plain TCP to the TLS port fails with 26, TLS to the plain port with 32, a closed port with 3', async t => {
  const broker = await withBroker(t)
  const closedPort = await findClosedPort()
  const resolve: ResolveRule[] = [
    { host: 'tls.example', port: 8883, to: { host: broker.host, port: broker.tlsPort } },
    { host: 'plain.example', port: 1883, to: { host: broker.host, port: broker.tcpPort } },
    { host: 'closed.example', port: 1883, to: { host: '127.0.0.1', port: closedPort } },
  ]
  const h = await bootWith(t, resolve, false)
  await h.command('AT+CMQTTSTART', ok() + urc('+CMQTTSTART: 0'), false)
  await h.command('AT+CMQTTACCQ=0,"tcp"', ok(), false)
  await h.command('AT+CMQTTACCQ=1,"tls",1', ok(), false)
  await h.command('AT+CMQTTCONNECT=0,"tcp://tls.example:8883",60,1', ok() + urc('+CMQTTCONNECT: 0,26'), false)
  await h.command('AT+CMQTTCONNECT=1,"tcp://plain.example:1883",60,1', ok() + urc('+CMQTTCONNECT: 1,32'), false)
  await h.command('AT+CMQTTCONNECT=0,"tcp://closed.example:1883",60,1', error('+CMQTTCONNECT: 0,3'), false)
})

t.test('a refused user name or password is CONNACK 4, reported as 30', async t => {
  const broker = await withBroker(t, { users: { alice: 'secret' } })
  const h = await bootWith(t, mapPublicBroker(broker), false)
  await h.command('AT+CMQTTSTART', ok() + urc('+CMQTTSTART: 0'), false)
  await h.command('AT+CMQTTACCQ=0,"auth"', ok(), false)
  await h.command('AT+CMQTTCFG="version",0,4', ok(), false)
  await h.command('AT+CMQTTCONNECT=0,"tcp://test.mosquitto.org:1883",60,1,"alice","wrong"', ok() + urc('+CMQTTCONNECT: 0,30'), false)
  await h.command('AT+CMQTTCONNECT=0,"tcp://test.mosquitto.org:1883",60,1,"alice","secret"', ok() + urc('+CMQTTCONNECT: 0,0'), false)
  await h.command(
    'AT+CMQTTCONNECT?',
    ok('+CMQTTCONNECT: 0,"tcp://test.mosquitto.org:1883",60,1,"alice","secret"', '+CMQTTCONNECT: 1'),
    false,
  )
})

async function findClosedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}
