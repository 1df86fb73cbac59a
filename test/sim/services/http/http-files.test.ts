/**
 * AT+HTTPPOSTFILE and AT+HTTPREADFILE byte by byte, as the HTTP(S) chapter gives them, against atseq's HTTP
 * server: a file of the module's file system is the request body, and the answer's body becomes a file.
 */
import t from 'tap'
import { generateBytes } from '../../../../src/servers/http/index.js'
import type { WireHarness } from '../../wire-harness.js'
import { error, ok, urc } from '../../wire-harness.js'
import { bootWithWeb, startSession } from './http-harness.js'

async function writeFile(h: WireHarness, path: string, content: string): Promise<void> {
  await h.command(`AT+CFTRANRX="${path}",${Buffer.byteLength(content, 'latin1')}`, '\r\n>', false)
  h.write(Buffer.from(content, 'latin1'), 7)
  await h.expect(ok())
}

const REPORT = '{"temp":21.5}\r\nOK\r\n'

t.test('AT+HTTPPOSTFILE POSTs the file as the body: OK, then +HTTPPOSTFILE: <status>,<len>; HTTPREAD reads the answer', async t => {
  const { h, server } = await bootWithWeb(t)
  await writeFile(h, 'C:/report.json', REPORT)
  await startSession(h, 'http://web.example.com/echo')
  await h.command('AT+HTTPPARA="CONTENT","application/json"', ok(), false)
  await h.command('AT+HTTPPOSTFILE="report.json"', ok(), false)
  await h.expect(urc(`+HTTPPOSTFILE: 200,${REPORT.length}`))
  t.match(server.events()[0], { method: 'POST', path: '/echo', headers: { 'content-type': 'application/json' } })
  t.equal(server.events()[0]?.body.toString('latin1'), REPORT)
  await h.command(`AT+HTTPREAD=0,${REPORT.length}`, ok() + `\r\n+HTTPREAD: ${REPORT.length}\r\n${REPORT}\r\n+HTTPREAD: 0\r\n`, false)
  await h.command('AT+HTTPPOSTFILE="report.json",1,4', ok(), false)
  await h.expect(urc(`+HTTPPOSTFILE: 200,${REPORT.length}`))
  t.match(server.events()[1], { method: 'PUT', path: '/echo' })
})

t.test('<send_header> 1: the file holds header lines, an empty line, then the body', async t => {
  const { h, server } = await bootWithWeb(t)
  await writeFile(h, 'C:/request.txt', 'X-Device: 42\r\nContent-Type: text/csv\r\n\r\na,b\r\n1,2')
  await startSession(h, 'http://web.example.com/echo')
  await h.command('AT+HTTPPOSTFILE="request.txt",1,1,1', ok(), false)
  await h.expect(urc('+HTTPPOSTFILE: 200,8'))
  t.match(server.events()[0], { method: 'POST', headers: { 'x-device': '42', 'content-type': 'text/csv', 'content-length': '8' } })
  t.equal(server.events()[0]?.body.toString('latin1'), 'a,b\r\n1,2')
})

t.test('AT+HTTPPOSTFILE wrong states: no session, no such file (707), no such drive, one in flight, the network gone', async t => {
  const { h } = await bootWithWeb(t)
  await writeFile(h, 'C:/report.json', REPORT)
  await h.command('AT+HTTPPOSTFILE="report.json"', error(), false)
  await startSession(h, 'http://web.example.com/delay/1500')
  await h.command('AT+HTTPPOSTFILE="none.json"', ok() + urc('+HTTPPOSTFILE: 707,0'), false)
  await h.command('AT+HTTPPOSTFILE="report.json",3', error(), false)
  await h.command('AT+HTTPPOSTFILE="report.json",1,5', error(), false)
  await h.command('AT+HTTPPOSTFILE="report.json",1,1,2', error(), false)
  await h.command('AT+HTTPPOSTFILE="report.json"', ok(), false)
  await h.command('AT+HTTPPOSTFILE="report.json"', error(), false)
  await h.command('AT+HTTPACTION=0', error(), false)
  h.modem.dropNetwork()
  await h.expect(urc('+HTTP_NONET_EVENT') + urc('+HTTPPOSTFILE: 717,0'))
})

t.test('SIM7600: <path> 2 is the SD card, which has no card: ERROR', async t => {
  const { h } = await bootWithWeb(t, 'simcom-sim7600')
  await writeFile(h, 'C:/report.json', REPORT)
  await startSession(h, 'http://web.example.com/echo')
  await h.command('AT+HTTPPOSTFILE="report.json",2', error(), false)
  await h.command('AT+HTTPPOSTFILE="report.json",1', ok(), false)
  await h.expect(urc(`+HTTPPOSTFILE: 200,${REPORT.length}`))
})

t.test('AT+HTTPREADFILE saves the body: OK, +HTTPREADFILE: 0; the file system has exactly the bytes', async t => {
  const { h } = await bootWithWeb(t)
  await startSession(h, 'http://web.example.com/bytes/3000')
  await h.command('AT+HTTPREADFILE="body.bin"', error(), false)
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,200,3000'))
  await h.command('AT+HTTPREADFILE="body.bin"', ok() + urc('+HTTPREADFILE: 0'), false)
  await h.command('AT+FSATTRI="C:/body.bin"', ok('+FSATTRI: 3000'), false)
  const seam = generateBytes(3000).subarray(995, 1005).toString('latin1')
  await h.command('AT+CFTRANTX="C:/body.bin",995,10', `\r\n+CFTRANTX: DATA,10\r\n${seam}\r\n+CFTRANTX: 0\r\n\r\nOK\r\n`, false)
  await h.command('AT+HTTPREADFILE="body.bin",2', ok() + urc('+HTTPREADFILE: 0'), false)
  await h.command('AT+FSATTRI="F:/body.bin"', ok('+FSATTRI: 3000'), false)
  await h.command('AT+HTTPREADFILE="body.bin",3', error(), false)
  await h.command('AT+HTTPTERM', ok(), false)
  await h.command('AT+HTTPREADFILE="body.bin"', error(), false)
})

t.test('AT+HTTPREADFILE past the drive capacity reports 707 and writes nothing', async t => {
  const { h } = await bootWithWeb(t)
  await startSession(h, 'http://web.example.com/bytes/1048576')
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,200,1048576'), 10_000)
  await writeFile(h, 'F:/filler.bin', 'x'.repeat(10))
  await h.command('AT+HTTPREADFILE="body.bin",2', ok() + urc('+HTTPREADFILE: 707'), false)
  await h.command('AT+FSATTRI="F:/body.bin"', error(), false)
})
