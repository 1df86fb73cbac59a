/**
 * The HTTP(S) service byte by byte, as the A76XX / SIM7600 HTTP(S) chapter shows it, against the real HTTP(S)
 * server atseq starts: each answer is written here from the manual, not read from the simulator.
 */
import t from 'tap'
import { generateBytes } from '../../../../src/servers/http/index.js'
import { error, ok, urc } from '../../wire-harness.js'
import { bootWithWeb, readBlocks, startSession } from './http-harness.js'

t.test('AT+HTTPINIT opens one session; the others need it; AT+HTTPTERM ends it', async t => {
  const { h } = await bootWithWeb(t)
  await h.command('AT+HTTPPARA="URL","http://web.example.com/get"', error(), false)
  await h.command('AT+HTTPTERM', error(), false)
  await h.command('AT+HTTPINIT', ok(), false)
  await h.command('AT+HTTPINIT', error(), false)
  await h.command('AT+HTTPACTION=0', error(), false)
  await h.command('AT+HTTPPARA="URL","ftp://web.example.com/"', error(), false)
  await h.command('AT+HTTPPARA="CONNECTTO",19', error(), false)
  await h.command('AT+HTTPPARA="CONNECTTO",20', ok(), false)
  await h.command('AT+HTTPPARA="SSLCFG","1"', ok(), false)
  await h.command('AT+HTTPPARA="NOSUCH",1', error(), false)
  await h.command('AT+HTTPTERM', ok(), false)
  await h.command('AT+HTTPREAD?', error(), false)
})

t.test('GET: OK, then +HTTPACTION: 0,200,<len>; the server saw the path, query and Host; HTTPREAD gives the bytes', async t => {
  const { h, server } = await bootWithWeb(t)
  await server.act({ server: 'http', kind: 'route', route: { path: '/hello', status: 200, body: Buffer.from('hello, modem') } })
  await startSession(h, 'http://web.example.com/hello?x=1')
  await h.command('AT+HTTPPARA="USERDATA","X-Trace: 7\\r\\nX-Other: b"', ok(), false)
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,200,12'))
  t.match(server.events()[0], {
    method: 'GET',
    path: '/hello?x=1',
    headers: { host: 'web.example.com', accept: '*/*', 'x-trace': '7', 'x-other': 'b' },
  })
  await h.command('AT+HTTPREAD?', ok('+HTTPREAD: LEN,12'), false)
  await h.command('AT+HTTPREAD=0,5', ok() + readBlocks('hello'), false)
  await h.command('AT+HTTPREAD?', ok('+HTTPREAD: LEN,7'), false)
  await h.command('AT+HTTPREAD=0,100', ok() + readBlocks(', modem'), false)
  await h.command('AT+HTTPREAD=0,100', ok() + readBlocks(''), false)
  await h.command('AT+HTTPTERM', ok(), false)
})

t.test('POST: DOWNLOAD takes exactly <size> bytes, CRLF OK CRLF inside; the server gets them with CONTENT as the type', async t => {
  const { h, server } = await bootWithWeb(t)
  const body = 'a\r\nOK\r\nb'
  await startSession(h, 'web.example.com/echo')
  await h.command('AT+HTTPPARA="CONTENT","application/x-test"', ok(), false)
  h.write(`AT+HTTPDATA=${body.length},10\r`)
  await h.expect('\r\nDOWNLOAD\r\n')
  h.write(body, 3)
  await h.expect(ok())
  await h.command('AT+HTTPACTION=1', ok(), false)
  await h.expect(urc(`+HTTPACTION: 1,200,${body.length}`))
  t.match(server.events()[0], { method: 'POST', path: '/echo', headers: { 'content-type': 'application/x-test' } })
  t.equal(server.events()[0]?.body.toString('latin1'), body)
  await h.command(`AT+HTTPREAD=0,${body.length}`, ok() + readBlocks(body), false)
})

t.test('AT+HTTPDATA: too few bytes within <time> seconds end with ERROR; out-of-range sizes are refused', async t => {
  const { h } = await bootWithWeb(t)
  await h.command('AT+HTTPINIT', ok(), false)
  await h.command('AT+HTTPDATA=0,10', error(), false)
  await h.command('AT+HTTPDATA=153601,10', error(), false)
  h.write('AT+HTTPDATA=10,1\r')
  await h.expect('\r\nDOWNLOAD\r\n')
  h.write('short')
  await h.expect(error(), 2500)
  await h.command('AT', ok(), false)
})

t.test('PUT, DELETE and HEAD: the method numbers of AT+HTTPACTION; HEAD reports no body', async t => {
  const { h, server } = await bootWithWeb(t)
  await startSession(h, 'http://web.example.com/bytes/10')
  await h.command('AT+HTTPACTION=2', ok(), false)
  await h.expect(urc('+HTTPACTION: 2,200,0'))
  await h.command('AT+HTTPPARA="URL","http://web.example.com/put"', ok(), false)
  await h.command('AT+HTTPACTION=4', ok(), false)
  await h.readUntil('+HTTPACTION: 4,200,')
  await h.readUntil('\r\n')
  await h.command('AT+HTTPPARA="URL","http://web.example.com/delete"', ok(), false)
  await h.command('AT+HTTPACTION=3', ok(), false)
  await h.readUntil('+HTTPACTION: 3,200,')
  await h.readUntil('\r\n')
  t.same(
    server.events().map(event => event.method),
    ['HEAD', 'PUT', 'DELETE'],
  )
  await h.command('AT+HTTPACTION=5', error(), false)
})

t.test('a large body comes in 1024-byte blocks; a chunked one is read whole; HTTPHEAD shows the header bytes', async t => {
  const { h } = await bootWithWeb(t)
  const expected = generateBytes(2500).toString('latin1')
  await startSession(h, 'http://web.example.com/bytes/2500')
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,200,2500'))
  await h.command('AT+HTTPREAD=0,2500', ok() + readBlocks(expected), false)
  await h.command('AT+HTTPPARA="URL","http://web.example.com/chunked/1500?chunk=100"', ok(), false)
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,200,1500'))
  h.write('AT+HTTPHEAD\r')
  const head = await h.readUntil('\r\nOK\r\n')
  const announced = /^\r\n\+HTTPHEAD: (\d+)\r\n/.exec(head)
  t.ok(announced, 'the header length comes first')
  const bytes = head.slice(announced?.[0].length ?? 0, head.length - '\r\n\r\nOK\r\n'.length)
  t.equal(bytes.length, Number(announced?.[1]))
  t.match(bytes, /^HTTP\/1\.1 200 OK\r\n/)
  t.match(bytes, /\r\nTransfer-Encoding: chunked\r\n/)
  t.ok(bytes.endsWith('\r\n\r\n'))
})

t.test('READMODE 1 keeps the body: <offset> counts from its start and reads repeat', async t => {
  const { h, server } = await bootWithWeb(t)
  await server.act({ server: 'http', kind: 'route', route: { path: '/abc', status: 200, body: Buffer.from('abcdefghij') } })
  await startSession(h, 'http://web.example.com/abc')
  await h.command('AT+HTTPPARA="READMODE",1', ok(), false)
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,200,10'))
  await h.command('AT+HTTPREAD=2,3', ok() + readBlocks('cde'), false)
  await h.command('AT+HTTPREAD=2,3', ok() + readBlocks('cde'), false)
  await h.command('AT+HTTPREAD?', ok('+HTTPREAD: LEN,10'), false)
})

t.test('redirects are not followed: the 3xx is the result and its Location is in the header', async t => {
  const { h, server } = await bootWithWeb(t)
  await startSession(h, 'http://web.example.com/redirect/1')
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,302,0'))
  h.write('AT+HTTPHEAD\r')
  t.match(await h.readUntil('\r\nOK\r\n'), /\r\nLocation: \/get\r\n/)
  t.equal(server.events().length, 1)
})

t.test('the server status is passed through, 404 and 500 alike', async t => {
  const { h } = await bootWithWeb(t)
  await startSession(h, 'http://web.example.com/status/500')
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,500,0'))
  await h.command('AT+HTTPPARA="URL","http://web.example.com/no/such/page"', ok(), false)
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,404,10'))
})
