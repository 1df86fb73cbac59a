/**
 * HTTPS through an AT+CSSLCFG context (no verification, the right CA, a wrong CA, a missing CA) and the 7xx
 * `<errcode>`s of the manual's table for what goes wrong: DNS, connection, timeouts, the peer closing, the network.
 */
import { once } from 'node:events'
import { createServer, type AddressInfo } from 'node:net'
import t from 'tap'
import { createTestCertificates } from '../../../../src/servers/broker/test-certificates.js'
import type { SimOptions } from '../../../../src/sim/sim-modem.js'
import { ok, urc, WireHarness } from '../../wire-harness.js'
import { bootWithWeb, readBlocks, startSession } from './http-harness.js'

/** AT+CCERTDOWN of `pem` as `name`, through the `>` prompt. */
async function downloadCert(h: WireHarness, name: string, pem: string): Promise<void> {
  h.write(`AT+CCERTDOWN="${name}",${Buffer.byteLength(pem)}\r`)
  await h.expect('\r\n>')
  h.write(pem)
  await h.expect(ok())
}

t.test('HTTPS with authmode 0 checks nothing and gets the answer', async t => {
  const { h, server } = await bootWithWeb(t)
  await server.act({ server: 'http', kind: 'route', route: { path: '/secret', status: 200, body: Buffer.from('over TLS') } })
  await startSession(h, 'https://web.example.com/secret')
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,200,8'))
  await h.command('AT+HTTPREAD=0,8', ok() + readBlocks('over TLS'), false)
})

t.test('HTTPS with authmode 1: the right CA passes, a wrong CA fails the handshake (715), no CA file is 719', async t => {
  const { h, server } = await bootWithWeb(t)
  const other = await createTestCertificates({ hostnames: ['localhost'] })
  await downloadCert(h, 'good.pem', server.ca)
  await downloadCert(h, 'wrong.pem', other.ca)
  await h.command('AT+CSSLCFG="authmode",1,1', ok(), false)
  await h.command('AT+CSSLCFG="cacert",1,"good.pem"', ok(), false)
  await h.command('AT+CSSLCFG="authmode",2,1', ok(), false)
  await h.command('AT+CSSLCFG="cacert",2,"wrong.pem"', ok(), false)
  await h.command('AT+CSSLCFG="authmode",3,1', ok(), false)
  await startSession(h, 'https://localhost/get')
  await h.command('AT+HTTPPARA="SSLCFG",1', ok(), false)
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.readUntil('+HTTPACTION: 0,200,')
  await h.readUntil('\r\n')
  await h.command('AT+HTTPPARA="SSLCFG",2', ok(), false)
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,715,0'))
  await h.command('AT+HTTPPARA="SSLCFG",3', ok(), false)
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,719,0'))
  t.equal(server.events().length, 1, 'only the verified request reached the server')
})

t.test('HTTPS with the right CA but another host name fails verification (715)', async t => {
  const { h, server } = await bootWithWeb(t)
  await downloadCert(h, 'good.pem', server.ca)
  await h.command('AT+CSSLCFG="authmode",0,1', ok(), false)
  await h.command('AT+CSSLCFG="cacert",0,"good.pem"', ok(), false)
  await startSession(h, 'https://web.example.com/get')
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,715,0'))
})

t.test('an unmapped host fails as DNS does (713) and nothing leaves the machine', async t => {
  const { h } = await bootWithWeb(t)
  await startSession(h, 'http://unmapped.example.org/get')
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,713,0'))
  t.match(h.modem.notes.join('\n'), /unmapped\.example\.org:80 is not mapped/)
})

t.test('a refused connection is 714; no answer within RESPTO is 705', async t => {
  const closed = createServer()
  closed.listen(0, '127.0.0.1')
  await once(closed, 'listening')
  const closedPort = (closed.address() as AddressInfo).port
  await new Promise<void>(resolve => closed.close(() => resolve()))
  const { h } = await bootWithWeb(t)
  const options: SimOptions = {
    echo: false,
    resolve: [{ host: 'down.example.com', port: 80, to: { host: '127.0.0.1', port: closedPort } }],
  }
  const down = await WireHarness.boot(options)
  t.teardown(() => down.close())
  await startSession(down, 'http://down.example.com/')
  await down.command('AT+HTTPACTION=0', ok(), false)
  await down.expect(urc('+HTTPACTION: 0,714,0'))
  await startSession(h, 'http://web.example.com/delay/3000')
  await h.command('AT+HTTPPARA="RESPTO",2', ok(), false)
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,705,0'), 4000)
})

t.test('a second AT+HTTPACTION while one is in flight is refused; AT+HTTPTERM drops it without a result', async t => {
  const { h } = await bootWithWeb(t)
  await startSession(h, 'http://web.example.com/delay/300')
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.command('AT+HTTPACTION=0', '\r\nERROR\r\n', false)
  await h.command('AT+HTTPTERM', ok(), false)
  await new Promise(resolve => setTimeout(resolve, 500))
  t.equal(h.pending(), '', 'no +HTTPACTION after the session ended')
})

t.test('the server closing mid-answer: +HTTP_PEER_CLOSED, then 706', async t => {
  const rude = createServer(socket => {
    socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part'))
  })
  rude.listen(0, '127.0.0.1')
  await once(rude, 'listening')
  t.teardown(() => new Promise<void>(resolve => rude.close(() => resolve())))
  const port = (rude.address() as AddressInfo).port
  const h = await WireHarness.boot({ echo: false, resolve: [{ host: 'rude.example.com', port: 80, to: { host: '127.0.0.1', port } }] })
  t.teardown(() => h.close())
  await startSession(h, 'http://rude.example.com/')
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTP_PEER_CLOSED') + urc('+HTTPACTION: 0,706,0'))
})

t.test('the network going away: +HTTP_NONET_EVENT, the request in flight ends with 717, a new one too', async t => {
  const { h } = await bootWithWeb(t)
  await startSession(h, 'http://web.example.com/delay/2000')
  await h.command('AT+HTTPACTION=0', ok(), false)
  h.modem.dropNetwork()
  await h.expect(urc('+HTTP_NONET_EVENT') + urc('+HTTPACTION: 0,717,0'))
  await h.command('AT+HTTPACTION=0', ok() + urc('+HTTPACTION: 0,717,0'), false)
})

t.test('SIM7600: blocks read as +HTTPREAD: DATA,<len> and end with +HTTPREAD:0', async t => {
  const { h, server } = await bootWithWeb(t, 'simcom-sim7600')
  await server.act({ server: 'http', kind: 'route', route: { path: '/seven', status: 200, body: Buffer.from('x\r\nOK\r\n') } })
  await startSession(h, 'http://web.example.com/seven')
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,200,7'))
  await h.command('AT+HTTPREAD=0,7', ok() + '\r\n+HTTPREAD: DATA,7\r\nx\r\nOK\r\n\r\n+HTTPREAD:0\r\n', false)
})

t.test("a body past the module's 1 MiB buffer ends the action with 707 and leaves nothing to read", async t => {
  const { h } = await bootWithWeb(t)
  await startSession(h, `http://web.example.com/bytes/${1024 * 1024 + 1}`)
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,707,0'), 5000)
  await h.command('AT+HTTPREAD?', ok('+HTTPREAD: LEN,0'), false)
  await h.command(`AT+HTTPPARA="URL","http://web.example.com/bytes/${1024 * 1024}"`, ok(), false)
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc(`+HTTPACTION: 0,200,${1024 * 1024}`), 5000)
})
