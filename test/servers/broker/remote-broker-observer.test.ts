import t from 'tap'
import { connectAsync } from 'mqtt'
import { startBroker } from '../../../src/servers/broker/embedded-broker.js'
import { observeRemoteBroker } from '../../../src/servers/broker/remote-broker-observer.js'
import { startMosquitto } from '../../helpers/mosquitto.js'
import { requireTool } from '../../helpers/system-tool.js'

const WAIT_MS = 5000

t.test('observes a real Mosquitto over TLS: topic, payload, QoS, retain as published', async t => {
  if (!requireTool(t, 'mosquitto')) return
  const mosquitto = await startMosquitto({ tls: true })
  t.teardown(() => mosquitto.stop())
  const observer = await observeRemoteBroker(`mqtts://localhost:${mosquitto.tlsPort}`, { ca: mosquitto.ca ?? '' })
  t.teardown(() => observer.close())
  const client = await connectAsync(`mqtt://127.0.0.1:${mosquitto.port}`, { reconnectPeriod: 0, clientId: 'device' })
  t.teardown(() => client.endAsync(true))
  await client.publishAsync('dddrrrggghhhk', Buffer.alloc(60, 'x'), { qos: 1, retain: true })
  const seen = await observer.waitFor(m => m.topic === 'dddrrrggghhhk', { timeoutMs: WAIT_MS })
  t.same(
    { qos: seen.qos, retain: seen.retain, isWill: seen.isWill, length: seen.payload.length },
    { qos: 1, retain: true, isWill: false, length: 60 },
  )
  await client.publishAsync('plain', 'not retained', { qos: 2 })
  const plain = await observer.waitFor(m => m.topic === 'plain', { timeoutMs: WAIT_MS })
  t.same({ qos: plain.qos, retain: plain.retain, payload: plain.payload.toString() }, { qos: 2, retain: false, payload: 'not retained' })
})

t.test('publishes through a real Mosquitto to a subscriber', async t => {
  if (!requireTool(t, 'mosquitto')) return
  const mosquitto = await startMosquitto()
  t.teardown(() => mosquitto.stop())
  const observer = await observeRemoteBroker(`mqtt://127.0.0.1:${mosquitto.port}`)
  t.teardown(() => observer.close())
  const client = await connectAsync(`mqtt://127.0.0.1:${mosquitto.port}`, { reconnectPeriod: 0 })
  t.teardown(() => client.endAsync(true))
  await client.subscribeAsync('to/modem', { qos: 1 })
  const received = new Promise<string>(resolve => client.once('message', (_topic, payload) => resolve(payload.toString())))
  await observer.publish({ topic: 'to/modem', payload: 'from the test', qos: 1 })
  t.equal(await received, 'from the test')
})

t.test('refuses a TLS broker whose CA it was not given', async t => {
  const broker = await startBroker({ mtlsPort: false })
  t.teardown(() => broker.close())
  await t.rejects(observeRemoteBroker(`mqtts://localhost:${broker.tlsPort}`, { connectTimeoutMs: WAIT_MS }))
  const unverified = await observeRemoteBroker(`mqtts://localhost:${broker.tlsPort}`, { rejectUnauthorized: false })
  t.teardown(() => unverified.close())
  await broker.publish({ topic: 'reach', payload: 'ok' })
  t.equal((await unverified.waitFor(m => m.topic === 'reach', { timeoutMs: WAIT_MS })).payload.toString(), 'ok')
})

t.test('passes user name and password', async t => {
  const broker = await startBroker({ mtlsPort: false, users: { observer: 'pw' } })
  t.teardown(() => broker.close())
  await t.rejects(observeRemoteBroker(`mqtt://127.0.0.1:${broker.tcpPort}`, { username: 'observer', password: 'bad' }))
  const observer = await observeRemoteBroker(`mqtt://127.0.0.1:${broker.tcpPort}`, { username: 'observer', password: 'pw' })
  await observer.close()
  await observer.close()
  t.pass('connected with the right password and closed twice')
})
