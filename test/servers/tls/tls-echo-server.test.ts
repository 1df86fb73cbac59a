import { once } from 'node:events'
import { connect, type TLSSocket } from 'node:tls'
import t, { type Test } from 'tap'
import { getSharedTestCertificates, DEFAULT_BROKER_HOSTNAMES, createTestCertificates } from '../../../src/servers/broker/index.js'
import { startTlsServer, type TlsEchoServer } from '../../../src/servers/tls/index.js'

async function start(t: Test, echo = true): Promise<TlsEchoServer> {
  const server = await startTlsServer({ echo })
  t.teardown(() => server.close())
  return server
}

async function open(t: Test, port: number, extra: Record<string, unknown> = {}): Promise<TLSSocket> {
  const { ca } = await getSharedTestCertificates({ hostnames: [...DEFAULT_BROKER_HOSTNAMES] })
  const socket = connect({ host: '127.0.0.1', port, ca, servername: 'localhost', ...extra })
  t.teardown(() => socket.destroy())
  await once(socket, 'secureConnect')
  return socket
}

async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 2000; waited += 5) await new Promise(resolve => setTimeout(resolve, 5))
}

t.test('a verified client: each read is a tls bytes event with its connection, echoed back', async t => {
  const server = await start(t)
  t.equal(server.host, '127.0.0.1')
  t.same(server.names, ['tls'])
  const seen: string[] = []
  const stop = server.onEvent(event => seen.push(event.body.toString('latin1')))
  const socket = await open(t, server.tlsPort)
  t.ok(socket.authorized, 'the server certificate verifies against the broker CA')
  socket.write('hello\r\nOK\r\n')
  const [echoed] = (await once(socket, 'data')) as [Buffer]
  t.equal(echoed.toString('latin1'), 'hello\r\nOK\r\n')
  t.match(server.events(), [{ server: 'tls', kind: 'bytes', connection: 1 }])
  t.same(seen, ['hello\r\nOK\r\n'])
  stop()
  socket.write('again')
  await once(socket, 'data')
  t.equal(seen.length, 1, 'a stopped listener hears nothing more')
  t.equal(server.events().length, 2)
})

t.test('send and close act on the newest open connection, or the one named', async t => {
  const server = await start(t, false)
  const first = await open(t, server.tlsPort)
  const second = await open(t, server.tlsPort)
  await until(() => server.connections().length === 2)
  await server.act({ server: 'tls', kind: 'send', bytes: Buffer.from('to two') })
  const [pushed] = (await once(second, 'data')) as [Buffer]
  t.equal(pushed.toString(), 'to two')
  await server.act({ server: 'tls', kind: 'send', bytes: Buffer.from('to one'), connection: 1 })
  const [named] = (await once(first, 'data')) as [Buffer]
  t.equal(named.toString(), 'to one')
  await server.act({ server: 'tls', kind: 'close', connection: 1 })
  await once(first, 'end')
  await t.rejects(server.act({ server: 'tls', kind: 'send', bytes: Buffer.from('x'), connection: 1 }))
  await t.rejects(server.act({ server: 'tcp', kind: 'send', bytes: Buffer.from('x') }))
  t.match(server.connections(), [
    { connection: 1, open: false },
    { connection: 2, open: true },
  ])
})

t.test('the mutual-TLS port accepts the CA-signed client certificate and refuses a client without one', async t => {
  const server = await start(t)
  const { clientCert, clientKey } = await getSharedTestCertificates({ hostnames: [...DEFAULT_BROKER_HOSTNAMES] })
  const trusted = await open(t, server.mtlsPort, { cert: clientCert, key: clientKey })
  trusted.write('mutual')
  const [echoed] = (await once(trusted, 'data')) as [Buffer]
  t.equal(echoed.toString(), 'mutual')
  const { ca } = await getSharedTestCertificates({ hostnames: [...DEFAULT_BROKER_HOSTNAMES] })
  const anonymous = connect({ host: '127.0.0.1', port: server.mtlsPort, ca, servername: 'localhost', maxVersion: 'TLSv1.2' })
  t.teardown(() => anonymous.destroy())
  const [error] = (await once(anonymous, 'error')) as [NodeJS.ErrnoException]
  t.match(error.code, /ERR_SSL/)
  const foreign = await createTestCertificates({ hostnames: ['localhost'] })
  const stranger = connect({
    host: '127.0.0.1',
    port: server.mtlsPort,
    ca,
    cert: foreign.clientCert,
    key: foreign.clientKey,
    maxVersion: 'TLSv1.2',
  })
  t.teardown(() => stranger.destroy())
  await once(stranger, 'error')
  t.equal(server.events().length, 1, 'only the trusted client was heard')
})

t.test('close is idempotent and ends open connections', async t => {
  const server = await startTlsServer()
  const socket = await open(t, server.tlsPort)
  await Promise.all([server.close(), server.close()])
  await once(socket, 'close')
  t.pass('the client saw the connection end')
})

t.test('close with reset sends a TCP reset, not a TLS close', async t => {
  const server = await start(t)
  const socket = await open(t, server.tlsPort)
  await until(() => server.connections().length === 1)
  const failed = once(socket, 'error') as Promise<[NodeJS.ErrnoException]>
  await server.act({ server: 'tls', kind: 'close', reset: true })
  const [error] = await failed
  t.equal(error.code, 'ECONNRESET')
})
