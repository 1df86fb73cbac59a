import { request as plainRequest, type IncomingMessage } from 'node:http'
import { request as tlsRequest } from 'node:https'
import t, { type Test } from 'tap'
import type { ServerEvent } from '../../../src/model/server-link.js'
import { answerBuiltin, generateBytes, startHttpServer, type HttpServer } from '../../../src/servers/http/index.js'

interface Got {
  status: number
  headers: IncomingMessage['headers']
  body: Buffer
}

/** One request with node's own client, the way any HTTP client would send it. */
function send(server: HttpServer, method: string, path: string, options: { body?: string; tls?: boolean; ca?: string } = {}): Promise<Got> {
  const make = options.tls ? tlsRequest : plainRequest
  return new Promise((resolve, reject) => {
    const req = make(
      {
        host: '127.0.0.1',
        port: options.tls ? server.tlsPort : server.port,
        method,
        path,
        agent: false,
        ...(options.tls ? { ca: options.ca ?? server.ca, servername: 'localhost' } : {}),
      },
      res => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

async function start(t: Test): Promise<HttpServer> {
  const server = await startHttpServer()
  t.teardown(() => server.close())
  return server
}

t.test('listens on loopback only, plain and TLS, and names itself http', async t => {
  const server = await start(t)
  t.equal(server.host, '127.0.0.1')
  t.not(server.port, server.tlsPort)
  t.same(server.names, ['http'])
  const got = await send(server, 'GET', '/get?x=1', { tls: true })
  t.equal(got.status, 200)
  t.match(JSON.parse(got.body.toString()), { method: 'GET', path: '/get?x=1', args: { x: '1' }, secure: true })
})

t.test('every request is a request event: method, path with query, lower-cased headers, body', async t => {
  const server = await start(t)
  const seen: ServerEvent[] = []
  const stop = server.onEvent(event => seen.push(event))
  await send(server, 'POST', '/post?a=b', { body: 'x\r\nOK\r\ny' })
  stop()
  await send(server, 'GET', '/get')
  t.equal(seen.length, 1, 'the listener stopped')
  const [first] = server.events()
  t.match(first, { server: 'http', kind: 'request', method: 'POST', path: '/post?a=b' })
  t.equal(first?.body.toString('latin1'), 'x\r\nOK\r\ny')
  t.equal(first?.headers?.host, `127.0.0.1:${server.port}`)
  t.equal(server.events().length, 2)
})

t.test('a route a step adds wins over the built-in one, latest first, by method and path', async t => {
  const server = await start(t)
  await server.act({ server: 'http', kind: 'route', route: { path: '/get', status: 201, body: Buffer.from('first') } })
  await server.act({ server: 'http', kind: 'route', route: { method: 'GET', path: '/get', status: 202, body: Buffer.from('second') } })
  const got = await send(server, 'GET', '/get?ignored=1')
  t.equal(got.status, 202)
  t.equal(got.body.toString(), 'second')
  const other = await send(server, 'POST', '/get')
  t.equal(other.status, 201, 'a route without a method answers any method')
  await server.act({ server: 'http', kind: 'route', route: { path: '/moved', status: 301, redirect: '/get' } })
  const moved = await send(server, 'GET', '/moved')
  t.equal(moved.status, 301)
  t.equal(moved.headers.location, '/get')
  await t.rejects(server.act({ server: 'tcp', kind: 'send', bytes: Buffer.from('x') }))
})

t.test('a route can answer chunked and late', async t => {
  const server = await start(t)
  await server.act({
    server: 'http',
    kind: 'route',
    route: { path: '/slow', status: 200, body: Buffer.from('abcdefghij'), chunkBytes: 3, delayMs: 150 },
  })
  const startedMs = Date.now()
  const got = await send(server, 'GET', '/slow')
  t.ok(Date.now() - startedMs >= 140, 'waited for the delay')
  t.equal(got.headers['transfer-encoding'], 'chunked')
  t.equal(got.body.toString(), 'abcdefghij')
})

t.test('built-in /bytes and /chunked bodies are deterministic; /chunked is sent chunked', async t => {
  const server = await start(t)
  const bytes = await send(server, 'GET', '/bytes/600')
  t.equal(bytes.headers['content-length'], '600')
  t.same(bytes.body, generateBytes(600))
  t.equal(bytes.body[257], 1)
  const chunked = await send(server, 'GET', '/chunked/1000?chunk=100')
  t.equal(chunked.headers['transfer-encoding'], 'chunked')
  t.same(chunked.body, generateBytes(1000))
})

t.test('built-in status, redirect and method routes', async t => {
  const server = await start(t)
  t.equal((await send(server, 'GET', '/status/418')).status, 418)
  const hop = await send(server, 'GET', '/redirect/2')
  t.equal(hop.status, 302)
  t.equal(hop.headers.location, '/redirect/1')
  t.equal((await send(server, 'GET', '/redirect/1')).headers.location, '/get')
  const to = await send(server, 'GET', '/redirect-to?url=/bytes/3&status_code=307')
  t.equal(to.status, 307)
  t.equal(to.headers.location, '/bytes/3')
  t.equal((await send(server, 'GET', '/post')).status, 405)
  t.equal((await send(server, 'PUT', '/put', { body: 'v' })).status, 200)
  t.equal((await send(server, 'GET', '/nowhere')).status, 404)
  const head = await send(server, 'HEAD', '/bytes/10')
  t.equal(head.headers['content-length'], '10')
  t.equal(head.body.length, 0, 'HEAD has no body')
})

t.test('answerBuiltin is pure: echo, headers and delay', async t => {
  const request = {
    method: 'POST',
    path: '/echo',
    headers: { 'content-type': 'text/x-test' },
    body: Buffer.from('a\r\nOK\r\n'),
    secure: false,
  }
  const echo = answerBuiltin(request)
  t.equal(echo?.headers['content-type'], 'text/x-test')
  t.equal(echo?.body.toString(), 'a\r\nOK\r\n')
  t.same(JSON.parse(answerBuiltin({ ...request, path: '/headers' })?.body.toString() ?? ''), { headers: request.headers })
  t.equal(answerBuiltin({ ...request, path: '/delay/250' })?.delayMs, 250)
  t.equal(answerBuiltin({ ...request, path: '/delay/999999999' })?.status, 400)
  t.equal(answerBuiltin({ ...request, path: '/status/99' })?.status, 400)
  t.equal(answerBuiltin({ ...request, path: '/other' }), undefined)
})

t.test('HTTPS against another CA is refused by a verifying client', async t => {
  const server = await start(t)
  const { createTestCertificates } = await import('../../../src/servers/broker/test-certificates.js')
  const other = await createTestCertificates({ hostnames: ['localhost'] })
  await t.rejects(send(server, 'GET', '/get', { tls: true, ca: other.ca }))
})
