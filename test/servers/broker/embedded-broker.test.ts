import t, { type Test } from 'tap'
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt'
import { startBroker, type EmbeddedBroker } from '../../../src/servers/broker/embedded-broker.js'
import type { ObservedMessage } from '../../../src/servers/broker/broker-observer.js'

const WAIT_MS = 5000

async function startTestBroker(t: Test, opts: Parameters<typeof startBroker>[0] = {}): Promise<EmbeddedBroker> {
  const broker = await startBroker(opts)
  t.teardown(() => broker.close())
  return broker
}

async function connectClient(t: Test, url: string, opts: IClientOptions = {}): Promise<MqttClient> {
  const client = await connectAsync(url, { reconnectPeriod: 0, connectTimeout: WAIT_MS, ...opts })
  t.teardown(() => client.endAsync(true))
  return client
}

function nextMessage(client: MqttClient): Promise<{ topic: string; payload: Buffer; qos: number; retain: boolean }> {
  return new Promise(resolve => {
    client.once('message', (topic, payload, packet) => resolve({ topic, payload, qos: packet.qos, retain: packet.retain }))
  })
}

function isOnTopic(topic: string): (m: ObservedMessage) => boolean {
  return m => m.topic === topic
}

t.test('binds to loopback on ephemeral ports by default, with an mTLS listener', async t => {
  const broker = await startTestBroker(t)
  t.equal(broker.host, '127.0.0.1')
  t.ok(broker.tcpPort > 0 && broker.tlsPort > 0 && (broker.mtlsPort ?? 0) > 0)
  t.equal(new Set([broker.tcpPort, broker.tlsPort, broker.mtlsPort]).size, 3)
  t.match(broker.ca, /^-----BEGIN CERTIFICATE-----/)
  const noMtls = await startTestBroker(t, { mtlsPort: false })
  t.equal(noMtls.mtlsPort, undefined)
})

for (const transport of ['tcp', 'tls'] as const) {
  t.test(`pub/sub over ${transport} at QoS 0, 1 and 2`, async t => {
    const broker = await startTestBroker(t)
    const url = transport === 'tcp' ? `mqtt://127.0.0.1:${broker.tcpPort}` : `mqtts://localhost:${broker.tlsPort}`
    const opts: IClientOptions = transport === 'tcp' ? {} : { ca: broker.ca, rejectUnauthorized: true }
    const subscriber = await connectClient(t, url, { ...opts, clientId: 'sub' })
    const publisher = await connectClient(t, url, { ...opts, clientId: 'pub' })
    await subscriber.subscribeAsync('qos/#', { qos: 2 })
    for (const qos of [0, 1, 2] as const) {
      const received = nextMessage(subscriber)
      const since = Date.now()
      await publisher.publishAsync(`qos/${qos}`, `payload at qos ${qos}`, { qos })
      const delivered = await received
      t.same(
        { topic: delivered.topic, payload: delivered.payload.toString(), qos: delivered.qos },
        { topic: `qos/${qos}`, payload: `payload at qos ${qos}`, qos },
      )
      const observed = await broker.observer.waitFor(isOnTopic(`qos/${qos}`), { timeoutMs: WAIT_MS, since })
      t.same(
        { qos: observed.qos, clientId: observed.clientId, isWill: observed.isWill, retain: observed.retain },
        { qos, clientId: 'pub', isWill: false, retain: false },
      )
      t.equal(observed.payload.toString(), `payload at qos ${qos}`)
    }
  })
}

t.test('a retained message reaches a later subscriber with the retain flag', async t => {
  const broker = await startTestBroker(t)
  const url = `mqtt://127.0.0.1:${broker.tcpPort}`
  const publisher = await connectClient(t, url)
  await publisher.publishAsync('state/door', 'open', { qos: 1, retain: true })
  const observed = await broker.observer.waitFor(isOnTopic('state/door'), { timeoutMs: WAIT_MS })
  t.equal(observed.retain, true)
  const late = await connectClient(t, url)
  const received = nextMessage(late)
  await late.subscribeAsync('state/#', { qos: 1 })
  const delivered = await received
  t.same({ payload: delivered.payload.toString(), retain: delivered.retain }, { payload: 'open', retain: true })
})

t.test('the broker publishes the will when a client socket dies, flagged isWill', async t => {
  const broker = await startTestBroker(t)
  const url = `mqtt://127.0.0.1:${broker.tcpPort}`
  const will = { topic: '0123456789', payload: Buffer.from('qwerty'), qos: 1 as const, retain: false }
  const doomed = await connectClient(t, url, { clientId: 'doomed', will })
  const watcher = await connectClient(t, url)
  await watcher.subscribeAsync('0123456789', { qos: 1 })
  const delivered = nextMessage(watcher)
  doomed.stream.destroy()
  const observed = await broker.observer.waitFor(m => m.isWill, { timeoutMs: WAIT_MS })
  t.same(
    { topic: observed.topic, payload: observed.payload.toString(), qos: observed.qos, clientId: observed.clientId },
    { topic: '0123456789', payload: 'qwerty', qos: 1, clientId: 'doomed' },
  )
  t.equal((await delivered).payload.toString(), 'qwerty')
})

t.test('no will on a clean disconnect', async t => {
  const broker = await startTestBroker(t)
  const url = `mqtt://127.0.0.1:${broker.tcpPort}`
  const polite = await connectAsync(url, {
    reconnectPeriod: 0,
    clientId: 'polite',
    will: { topic: 'will/polite', payload: Buffer.from('gone'), qos: 0, retain: false },
  })
  await polite.endAsync()
  // A marker published after the disconnect: once it is observed, a will (published on close) would be too.
  const marker = await connectClient(t, url)
  await marker.publishAsync('marker', 'after', { qos: 1 })
  await broker.observer.waitFor(isOnTopic('marker'), { timeoutMs: WAIT_MS })
  t.same(
    broker.observer.messages().filter(m => m.isWill || m.topic === 'will/polite'),
    [],
  )
})

t.test('users: the right password connects, others get CONNACK 4', async t => {
  const broker = await startTestBroker(t, { users: { alice: 's3cret' } })
  const url = `mqtt://127.0.0.1:${broker.tcpPort}`
  const alice = await connectClient(t, url, { username: 'alice', password: 's3cret' })
  t.ok(alice.connected)
  for (const credentials of [{ username: 'alice', password: 'wrong' }, { username: 'mallory', password: 's3cret' }, {}]) {
    const error = await connectAsync(url, { reconnectPeriod: 0, ...credentials }).then(
      client => {
        void client.endAsync(true)
        return undefined
      },
      (e: unknown) => e as { code?: number },
    )
    t.equal(error?.code, 4, `rejected: ${JSON.stringify(credentials)}`)
  }
})

t.test('mTLS accepts the CA-signed client certificate and refuses a client without one', async t => {
  const broker = await startTestBroker(t)
  const url = `mqtts://localhost:${broker.mtlsPort}`
  const withCert = await connectClient(t, url, { ca: broker.ca, cert: broker.clientCert, key: broker.clientKey })
  t.ok(withCert.connected)
  const refusal = await connectAsync(url, { reconnectPeriod: 0, ca: broker.ca, connectTimeout: WAIT_MS }).then(
    client => {
      void client.endAsync(true)
      return undefined
    },
    (e: unknown) => e,
  )
  t.ok(refusal instanceof Error, 'connecting without a client certificate fails')
})

t.test('TLS verification: the CA verifies the server, a client without it refuses', async t => {
  const broker = await startTestBroker(t)
  const refusal = await connectAsync(`mqtts://localhost:${broker.tlsPort}`, { reconnectPeriod: 0, rejectUnauthorized: true }).then(
    client => {
      void client.endAsync(true)
      return undefined
    },
    (e: unknown) => e as { code?: string },
  )
  t.match(refusal, { code: /SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/ })
})

t.test('publish from the broker reaches subscribers and the observer', async t => {
  const broker = await startTestBroker(t)
  const subscriber = await connectClient(t, `mqtt://127.0.0.1:${broker.tcpPort}`)
  await subscriber.subscribeAsync('to/modem', { qos: 1 })
  const received = nextMessage(subscriber)
  await broker.publish({ topic: 'to/modem', payload: 'hello', qos: 1 })
  t.equal((await received).payload.toString(), 'hello')
  const observed = await broker.observer.waitFor(isOnTopic('to/modem'), { timeoutMs: WAIT_MS })
  t.equal(observed.clientId, undefined)
})

t.test('close is idempotent and frees the port', async t => {
  const broker = await startBroker()
  const client = await connectAsync(`mqtt://127.0.0.1:${broker.tcpPort}`, { reconnectPeriod: 0 })
  await Promise.all([broker.close(), broker.close()])
  const again = await startBroker({ tcpPort: broker.tcpPort, mtlsPort: false })
  t.equal(again.tcpPort, broker.tcpPort)
  await again.close()
  await client.endAsync(true)
})
