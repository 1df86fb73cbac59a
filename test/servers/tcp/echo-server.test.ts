import { once } from 'node:events'
import { createSocket } from 'node:dgram'
import { connect } from 'node:net'
import t from 'tap'
import { startEchoServer } from '../../../src/servers/tcp/echo-server.js'

t.test('TCP: records each connection, echoes, sends and closes on command', async t => {
  const server = await startEchoServer()
  t.teardown(() => server.close())
  t.equal(server.host, '127.0.0.1')
  const client = connect(server.port, '127.0.0.1')
  t.teardown(() => client.destroy())
  await once(client, 'connect')
  client.write('hello\r\nOK\r\n')
  const [echoed] = (await once(client, 'data')) as [Buffer]
  t.equal(echoed.toString('latin1'), 'hello\r\nOK\r\n')
  await server.waitForChunks(1)
  t.equal(server.receivedOn(1).toString('latin1'), 'hello\r\nOK\r\n')
  t.match(server.connections(), [{ connection: 1, open: true }])
  server.sendTcp('from server')
  const [pushed] = (await once(client, 'data')) as [Buffer]
  t.equal(pushed.toString(), 'from server')
  server.closeConnection()
  await once(client, 'end')
  await once(client, 'close')
  t.throws(() => server.sendTcp('late', 1))
})

t.test('UDP: the same port records datagrams one by one and echoes them', async t => {
  const server = await startEchoServer()
  t.teardown(() => server.close())
  const client = createSocket('udp4')
  t.teardown(() => client.close())
  client.send('one', server.port, '127.0.0.1')
  const [echoed] = (await once(client, 'message')) as [Buffer]
  t.equal(echoed.toString(), 'one')
  client.send('two', server.port, '127.0.0.1')
  await server.waitForChunks(2)
  t.same(
    server.received().map(c => [c.protocol, c.connection, c.bytes.toString()]),
    [
      ['udp', 0, 'one'],
      ['udp', 0, 'two'],
    ],
  )
  await once(client, 'message')
  await server.sendUdp('reply')
  const [reply] = (await once(client, 'message')) as [Buffer]
  t.equal(reply.toString(), 'reply')
})

t.test('with echo off, nothing is sent back and a wait for more than arrived times out', async t => {
  const server = await startEchoServer({ echo: false })
  t.teardown(() => server.close())
  const client = connect(server.port, '127.0.0.1')
  t.teardown(() => client.destroy())
  await once(client, 'connect')
  let got = 0
  client.on('data', bytes => (got += bytes.length))
  client.write('quiet')
  await server.waitForChunks(1)
  await t.rejects(server.waitForChunks(2, 100))
  t.equal(got, 0)
})
