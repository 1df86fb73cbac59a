import t, { type Test } from 'tap'
import { createServer, type Server, type Socket } from 'node:net'
import { createChat } from '../../src/at/chat.js'
import { SIMCOM_CHAT_PROFILE } from '../../src/modem/families/simcom/chat-profile.js'
import { openTransport } from '../../src/transport/open-transport.js'
import { isTransportError } from '../../src/transport/transport-error.js'
import { connectPeerToStream, ScriptedPeer } from '../helpers/scripted-peer.js'

/** A ser2net-like server on loopback: each connection gets the scripted modem. */
async function serveModem(t: Test, peer: ScriptedPeer): Promise<{ port: number; sockets: Socket[] }> {
  const sockets: Socket[] = []
  const server = createServer(socket => {
    sockets.push(socket)
    connectPeerToStream(peer, socket)
  })
  await listen(server)
  t.teardown(() => {
    for (const socket of sockets) socket.destroy()
    return new Promise<void>(resolve => server.close(() => resolve()))
  })
  return { port: (server.address() as { port: number }).port, sockets }
}

function listen(server: Server): Promise<void> {
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve()))
}

t.test('a chat over serial-over-TCP', async t => {
  const peer = new ScriptedPeer({ echo: true })
    .on('ATI\r', '\r\nManufacturer: SIMCOM INCORPORATED\r\nModel: SIMCOM_SIM7600E-H\r\n\r\nOK\r\n')
    .on('AT+CMQTTPAYLOAD=0,4\r', '\r\n>')
    .on(Buffer.from('\x00\r\n\xff', 'latin1'), '\r\nOK\r\n\r\n+CMQTTNONET\r\n')
  const { port } = await serveModem(t, peer)
  const transport = await openTransport(`tcp://127.0.0.1:${port}`)
  t.teardown(() => transport.close())
  t.same(transport.settings, { host: '127.0.0.1', port })
  const chat = createChat(transport, { profile: SIMCOM_CHAT_PROFILE })
  const ati = await chat.command('ATI', { timeoutMs: 5000 })
  t.same(
    ati.lines.map(line => line.kind),
    ['echo', 'response', 'response', 'final'],
  )
  t.equal((await chat.command('AT+CMQTTPAYLOAD=0,4', { timeoutMs: 5000 })).outcome, 'prompt')
  const done = await chat.sendData(Buffer.from('\x00\r\n\xff', 'latin1'), { end: 'none', timeoutMs: 5000 })
  t.equal(done.final, 'OK')
  t.equal((await chat.waitForUrc(urc => urc.text === '+CMQTTNONET', { timeoutMs: 5000 })).outcome, 'matched')
  t.same(peer.written.toString('latin1'), 'ATI\rAT+CMQTTPAYLOAD=0,4\r\x00\r\n\xff')
})

t.test('the server closing the connection mid-command ends it at once as dropped', async t => {
  const peer = new ScriptedPeer()
  const { port, sockets } = await serveModem(t, peer)
  peer.on('AT+CMQTTDISC=0,120\r', () => {
    sockets[0]?.destroy()
    return ''
  })
  const transport = await openTransport(`tcp://127.0.0.1:${port}`)
  const chat = createChat(transport, { profile: SIMCOM_CHAT_PROFILE })
  const exchange = await chat.command('AT+CMQTTDISC=0,120', { timeoutMs: 60_000 })
  t.equal(exchange.outcome, 'dropped')
  t.match(exchange.cause, /closed the connection/)
  const write = await transport.write(Buffer.from('AT\r')).then(
    () => undefined,
    (e: unknown) => e,
  )
  t.ok(isTransportError(write, 'not-open'), 'writing after a drop is refused')
})

t.test('nothing listening: connection refused, with a hint', async t => {
  const server = createServer()
  await listen(server)
  const port = (server.address() as { port: number }).port
  await new Promise<void>(resolve => server.close(() => resolve()))
  const error = await openTransport(`tcp://127.0.0.1:${port}`).then(
    () => undefined,
    (e: unknown) => e,
  )
  t.ok(isTransportError(error, 'connection-refused'))
  t.match(isTransportError(error) ? error.hint : '', /ser2net/)
})

t.test('close() is not a drop', async t => {
  const { port } = await serveModem(t, new ScriptedPeer())
  const transport = await openTransport(`tcp://[::ffff:127.0.0.1]:${port}`)
  let dropped = false
  transport.on('drop', () => {
    dropped = true
  })
  await transport.close()
  t.equal(dropped, false)
})
