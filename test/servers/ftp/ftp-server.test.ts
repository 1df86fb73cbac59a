import { once } from 'node:events'
import { connect } from 'node:net'
import { PassThrough, Readable } from 'node:stream'
import { Client } from 'basic-ftp'
import t from 'tap'
import { createSampleBytes, SEEDED_FILES, startFtpServer, type FtpServer } from '../../../src/servers/ftp/index.js'

async function download(client: Client, path: string, startAt = 0): Promise<Buffer> {
  const sink = new PassThrough()
  const chunks: Buffer[] = []
  sink.on('data', (chunk: Buffer) => chunks.push(chunk))
  await client.downloadTo(sink, path, startAt)
  return Buffer.concat(chunks)
}

async function login(server: FtpServer, secure: boolean | 'implicit' = false): Promise<Client> {
  const client = new Client(5000)
  await client.access({
    host: server.host,
    port: secure === 'implicit' ? server.implicitPort : server.port,
    user: server.user,
    password: server.password,
    secure,
    secureOptions: { ca: server.ca, servername: 'localhost' },
  })
  return client
}

/** Sends raw command lines and returns the reply lines, one per command. */
async function probe(server: FtpServer, lines: string[]): Promise<string[]> {
  const socket = connect(server.port, server.host)
  let text = ''
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()))
  await once(socket, 'connect')
  for (const line of lines) socket.write(`${line}\r\n`)
  while (text.split('\r\n').length <= lines.length + 1) await once(socket, 'data')
  socket.destroy()
  return text.split('\r\n').slice(0, lines.length + 1)
}

t.test('plain FTP: seeded files download, uploads become file events, REST resumes both ways', async t => {
  const server = await startFtpServer()
  t.teardown(() => server.close())
  const client = await login(server)
  t.teardown(() => client.close())
  t.same(await download(client, '/pub/hello.txt'), SEEDED_FILES.get('/pub/hello.txt'))
  t.same(await download(client, '/pub/sample.bin', 3000), createSampleBytes(4000).subarray(3000), 'REST before RETR')
  const seen: string[] = []
  server.onEvent(event => seen.push(event.path ?? ''))
  await client.uploadFrom(Readable.from([Buffer.from('first half|')]), '/upload/a.txt')
  await client.appendFrom(Readable.from([Buffer.from('second half')]), '/upload/a.txt')
  t.match(server.events(), [
    { server: 'ftp', kind: 'file', path: '/upload/a.txt' },
    { server: 'ftp', kind: 'file', path: '/upload/a.txt' },
  ])
  t.equal(server.events()[1]?.body.toString(), 'first half|second half', 'the event holds the whole file after APPE')
  t.same(seen, ['/upload/a.txt', '/upload/a.txt'])
  t.equal(await client.size('/pub/sample.bin'), 4000)
  await client.send('MKD /upload/dir')
  await client.cd('/upload/dir')
  t.equal(await client.pwd(), '/upload/dir')
  await client.cdup()
  t.match(
    (await client.list()).map(entry => entry.name),
    ['a.txt', 'dir'],
  )
  await client.removeEmptyDir('/upload/dir')
  await client.remove('/upload/a.txt')
  await t.rejects(client.size('/upload/a.txt'), { code: 550 })
})

t.test('the file action puts a file a client can fetch', async t => {
  const server = await startFtpServer()
  t.teardown(() => server.close())
  await server.act({ server: 'ftp', kind: 'file', path: '/new/b.txt', content: Buffer.from('from a step') })
  const client = await login(server)
  t.teardown(() => client.close())
  t.equal((await download(client, '/new/b.txt')).toString(), 'from a step')
  await t.rejects(server.act({ server: 'tcp', kind: 'send', bytes: Buffer.from('x') }))
})

t.test('explicit (AUTH TLS) and implicit FTPS with a certificate of the test CA, protected data channel', async t => {
  const server = await startFtpServer()
  t.teardown(() => server.close())
  for (const secure of [true, 'implicit'] as const) {
    const client = await login(server, secure)
    t.teardown(() => client.close())
    t.same(await download(client, '/pub/notes.txt'), SEEDED_FILES.get('/pub/notes.txt'), `download over ${String(secure)}`)
    await client.uploadFrom(Readable.from([Buffer.from(`over ${String(secure)}`)]), `/upload/${String(secure)}.txt`)
  }
  t.same(
    server.events().map(event => event.body.toString()),
    ['over true', 'over implicit'],
  )
})

t.test('wrong password, commands before login, paths outside the root', async t => {
  const server = await startFtpServer()
  t.teardown(() => server.close())
  const codes = (lines: string[]): string[] => lines.map(line => line.slice(0, 3))
  t.same(codes(await probe(server, ['USER atseq', 'PASS wrong', 'PWD'])), ['220', '331', '530', '530'])
  t.same(codes(await probe(server, ['USER anonymous', 'PASS me@example.com', 'PWD'])), ['220', '331', '230', '257'], 'anonymous FTP')
  const closed = await startFtpServer({ anonymous: false })
  t.teardown(() => closed.close())
  t.same(codes(await probe(closed, ['USER anonymous', 'PASS me@example.com'])), ['220', '331', '530'])
  t.same(codes(await probe(server, ['USER atseq', `PASS ${server.password}`, 'CWD /../../..', 'PWD'])), ['220', '331', '230', '250', '257'])
  const [, , , , pwd] = await probe(server, ['USER atseq', `PASS ${server.password}`, 'CWD /../../..', 'PWD'])
  t.match(pwd, /"\/"/, '.. above the root stays at the root')
})
