/**
 * The CONNECT wait both vendors' MQTT clients share leaves nothing alive: after a CONNACK timeout, a refusal or a
 * link the peer closed, no MQTT.js timer remains (its own CONNACK timer runs 60 s past ours, its keep-alive as long
 * as the session). Peers are loopback servers that answer nothing, refuse, or accept then close.
 */
import { once } from 'node:events'
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import t, { type Test } from 'tap'
import { MQTT_ERR } from '../../../src/modem/families/simcom/mqtt-codes.js'
import { MqttLink } from '../../../src/sim/services/mqtt/mqtt-link.js'
import { QmtSession } from '../../../src/sim/services/qmqtt/qmqtt-session.js'
import { connectMqttClient, PendingAnswers } from '../../../src/sim/sockets/mqtt-connect.js'

/** CONNACK, session present 0, with return code `rc` (MQTT 3.1.1 §3.2). */
const connack = (rc: number): Buffer => Buffer.from([0x20, 0x02, 0x00, rc])

type Peer = (socket: Socket) => void

/** A loopback server that treats each client as `peer` says; closed with every socket at teardown. */
async function startPeer(t: Test, peer: Peer): Promise<number> {
  const sockets = new Set<Socket>()
  const server: Server = createServer(socket => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    peer(socket)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  t.teardown(async () => {
    for (const socket of sockets) socket.destroy()
    server.close()
    await once(server, 'close')
  })
  return (server.address() as AddressInfo).port
}

async function openSocket(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1')
  await once(socket, 'connect')
  return socket
}

/** Live timers in this process. */
function countTimers(): number {
  return process.getActiveResourcesInfo().filter(name => name === 'Timeout').length
}

/** Lets closes and nextTick clean-ups run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise(resolve => setImmediate(resolve))
}

const silent: Peer = () => undefined
const options = { clientId: 'probe', keepalive: 30, protocolVersion: 4 as const }

t.test('a CONNACK timeout leaves no timer and no socket behind', async t => {
  const port = await startPeer(t, silent)
  const baseline = countTimers()
  const socket = await openSocket(port)
  const outcome = await connectMqttClient(socket, options, 100, client => client)
  t.equal(outcome.kind, 'timeout')
  t.ok(socket.destroyed, 'the socket is destroyed')
  await settle()
  t.equal(countTimers(), baseline, "MQTT.js's own CONNACK timer was cleared with the client")
})

t.test('a message the broker sends in the same read as CONNACK reaches the listener accept attached', async t => {
  // PUBLISH QoS 0, topic "t", payload "queued" (MQTT 3.1.1 §3.3): what a broker sends at once to a persistent
  // session that has messages queued, often in one TCP segment with the CONNACK
  const publish = Buffer.concat([Buffer.from([0x30, 9, 0x00, 0x01]), Buffer.from('tqueued')])
  const port = await startPeer(t, socket => socket.once('data', () => socket.write(Buffer.concat([connack(0), publish]))))
  const received: string[] = []
  const outcome = await connectMqttClient(await openSocket(port), options, 2000, client => {
    client.on('message', (topic, payload) => received.push(`${topic} ${payload.toString()}`))
    return client
  })
  t.equal(outcome.kind, 'accepted')
  await settle()
  t.same(received, ['t queued'])
  if (outcome.kind === 'accepted') outcome.value.end(true)
})

t.test('a refused CONNACK reports its return code and leaves nothing behind', async t => {
  const port = await startPeer(t, socket => socket.once('data', () => socket.write(connack(5))))
  const baseline = countTimers()
  const outcome = await connectMqttClient(await openSocket(port), options, 2000, client => client)
  t.match(outcome, { kind: 'refused', returnCode: 5 })
  await settle()
  t.equal(countTimers(), baseline)
})

t.test('a peer that closes before CONNACK: closed, nothing behind', async t => {
  const port = await startPeer(t, socket => socket.once('data', () => socket.destroy()))
  const baseline = countTimers()
  const outcome = await connectMqttClient(await openSocket(port), options, 2000, client => client)
  t.equal(outcome.kind, 'closed')
  await settle()
  t.equal(countTimers(), baseline)
})

t.test('SIMCom link: a CONNACK timeout is code 17 and leaves nothing behind', async t => {
  const port = await startPeer(t, silent)
  const baseline = countTimers()
  const listener = { message: () => undefined, lost: () => undefined }
  const result = await MqttLink.open(
    await openSocket(port),
    { clientId: 'probe', mqttVersion: 4, keepaliveS: 30, clean: true },
    100,
    listener,
  )
  t.match(result, { ok: false, code: MQTT_ERR.timeout })
  await settle()
  t.equal(countTimers(), baseline)
})

t.test('Quectel session: a CONNACK timeout is a timeout and leaves nothing behind', async t => {
  const port = await startPeer(t, silent)
  const baseline = countTimers()
  const listener = { message: () => undefined, ended: () => undefined }
  const result = await QmtSession.connect(
    await openSocket(port),
    { clientId: 'probe', version: 4, keepaliveS: 30, clean: true },
    100,
    listener,
  )
  t.same(result, { kind: 'timeout' })
  await settle()
  t.equal(countTimers(), baseline)
})

t.test('SIMCom link: a session the peer closes ends its keep-alive timer with it', async t => {
  const port = await startPeer(t, socket =>
    socket.once('data', () => {
      socket.write(connack(0))
      setTimeout(() => socket.destroy(), 50)
    }),
  )
  const baseline = countTimers()
  let lost: (cause: number) => void = () => undefined
  const isLost = new Promise<number>(resolve => (lost = resolve))
  const result = await MqttLink.open(await openSocket(port), { clientId: 'probe', mqttVersion: 4, keepaliveS: 30, clean: true }, 2000, {
    message: () => undefined,
    lost: cause => lost(cause),
  })
  t.equal(result.ok, true)
  await isLost
  await settle()
  t.equal(countTimers(), baseline)
})

t.test('pending answers settle once: by their answer, their timeout, or all at once when the link ends', async t => {
  const pending = new PendingAnswers<string>()
  const baseline = countTimers()
  t.equal(await pending.wait(1000, 'timeout', done => (done('answer'), done('again'))), 'answer')
  t.equal(await pending.wait(10, 'timeout', () => undefined), 'timeout')
  const waiting = pending.wait(1000, 'timeout', () => undefined)
  pending.settleAll('ended')
  t.equal(await waiting, 'ended')
  t.equal(countTimers(), baseline, 'every timer cleared')
})
