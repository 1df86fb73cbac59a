/**
 * Byte-level probes of CCH sessions against a real TLS server on loopback, written from the A76XX SSL application
 * note (3.1 to 3.4, 4.1, 4.2): AT+CCHOPEN and its `+CCHOPEN: <id>,<err>` after OK, AT+CCHSEND with its prompt and
 * `+CCHSEND: <id>,0`, pushed data announced by length, AT+CCHCLOSE, the server closing and the network going away.
 */
import t from 'tap'
import { error, ok, urc } from '../../wire-harness.js'
import { bootWithServers, receivedBy, startCch, until } from './cch-harness.js'

const OPEN_LINE = /^\r\n\+CCHOPEN: 0,"localhost",7443,2,(\d+)\r\n\+CCHOPEN: 1,"",,,\r\n\r\nOK\r\n$/

for (const profile of ['simcom-a76xx', 'simcom-sim7600']) {
  t.test(`${profile}: a TLS session without verification: open, send with the report, the echo pushed, close`, async t => {
    const { h, tls } = await bootWithServers(t, profile)
    await h.command('AT+CCHSET=1', ok(), false)
    await startCch(h)
    await h.command('AT+CCHSSLCFG=0,0', ok(), false)
    await h.command('AT+CCHOPEN=0,"localhost",7443,2', ok(), false)
    await h.expect(urc('+CCHOPEN: 0,0'))
    h.write('AT+CCHOPEN?\r')
    const listed = await h.readUntil('OK\r\n')
    const bindPort = Number(OPEN_LINE.exec(listed)?.[1])
    t.ok(bindPort > 0, `AT+CCHOPEN? lists the session with its local port: ${JSON.stringify(listed)}`)
    t.equal(tls.connections()[0]?.open, true)
    h.write('AT+CCHSEND=0,5\r')
    await h.expect('\r\n>')
    h.write('HELLO')
    await h.expect(ok() + urc('+CCHSEND: 0,0'))
    await h.expect('\r\n+CCHRECV: DATA,0,5\r\nHELLO')
    t.equal(receivedBy(tls), 'HELLO')
    t.match(tls.events(), [{ server: 'tls', kind: 'bytes', connection: 1 }])
    await h.command('AT+CCHCLOSE=0', ok() + urc('+CCHCLOSE: 0,0'), false)
    await h.command('AT+CCHOPEN?', ok('+CCHOPEN: 0,"",,,', '+CCHOPEN: 1,"",,,'), false)
    await until(() => tls.connections()[0]?.open === false)
    t.equal(tls.connections()[0]?.open, false, 'the server saw the connection end')
    await h.command('AT+CCHSTOP', ok() + urc('+CCHSTOP: 0'), false)
  })
}

t.test('without send reports there is no +CCHSEND line; a payload holding CRLF OK CRLF comes back by length', async t => {
  const { h, tls } = await bootWithServers(t)
  await startCch(h)
  await h.command('AT+CCHOPEN=1,"localhost",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 1,0'))
  const payload = 'a\r\nOK\r\nb'
  h.write(`AT+CCHSEND=1,${payload.length}\r`)
  await h.expect('\r\n>')
  h.write(payload, 3)
  await h.expect(ok())
  await h.expect(`\r\n+CCHRECV: DATA,1,${payload.length}\r\n${payload}`)
  t.equal(receivedBy(tls), payload)
  t.equal(h.pending(), '')
})

t.test('the server sends on its own and then closes: data pushed, then +CCH_PEER_CLOSED and the session is free', async t => {
  const { h, tls } = await bootWithServers(t, 'simcom-a76xx', false)
  await startCch(h)
  await h.command('AT+CCHOPEN=0,"localhost",7443', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,0'))
  await until(() => tls.connections().length === 1)
  await tls.act({ server: 'tls', kind: 'send', bytes: Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x1a]) })
  await h.expect('\r\n+CCHRECV: DATA,0,5\r\n\x00\xff\r\n\x1a')
  await tls.act({ server: 'tls', kind: 'close' })
  await h.expect(urc('+CCH_PEER_CLOSED: 0'))
  await h.command('AT+CCHSEND=0,1', error(), false)
  await h.command('AT+CCHCLOSE=0', error(), false)
  await h.command('AT+CCHOPEN=0,"localhost",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,0'))
})

t.test('a plain TCP client (type 1) reaches the echo server; a TLS client (type 2) to it fails its handshake (15)', async t => {
  const { h, echo } = await bootWithServers(t)
  await startCch(h)
  await h.command('AT+CCHOPEN=0,"echo.example.com",7,1', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,0'))
  h.write('AT+CCHSEND=0,4\r')
  await h.expect('\r\n>')
  h.write('ping')
  await h.expect(ok())
  await h.expect('\r\n+CCHRECV: DATA,0,4\r\nping')
  t.equal(echo.receivedOn(1).toString(), 'ping')
  await h.command('AT+CCHOPEN=1,"echo.example.com",7,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 1,15'))
  h.write('AT+CCHOPEN?\r')
  t.match(await h.readUntil('OK\r\n'), /^\r\n\+CCHOPEN: 0,"echo\.example\.com",7,1,\d+\r\n\+CCHOPEN: 1,"",,,\r\n\r\nOK\r\n$/)
})

t.test('an unmapped host fails as DNS does (13); a refused connection as a socket connect error (14)', async t => {
  const { h } = await bootWithServers(t)
  await startCch(h)
  await h.command('AT+CCHOPEN=0,"nowhere.example.net",443,2', ok() + urc('+CCHOPEN: 0,13'), false)
  await h.command('AT+CCHOPEN=0,"127.0.0.1",1,1', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,14'))
  await h.command('AT+CCHOPEN?', ok('+CCHOPEN: 0,"",,,', '+CCHOPEN: 1,"",,,'), false)
})

t.test('wrong parameters and states are refused with ERROR', async t => {
  const { h } = await bootWithServers(t)
  await startCch(h)
  for (const line of [
    'AT+CCHOPEN=2,"localhost",7443,2',
    'AT+CCHOPEN=0,"localhost",0,2',
    'AT+CCHOPEN=0,"localhost",7443,3',
    'AT+CCHOPEN=0,localhost,7443,2',
    'AT+CCHOPEN=0,"",7443,2',
    'AT+CCHSEND=0,5',
    'AT+CCHCLOSE=0',
  ]) {
    await h.command(line, error(), false)
  }
  await h.command('AT+CCHOPEN=0,"localhost",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,0'))
  await h.command('AT+CCHOPEN=0,"localhost",7443,2', error(), false)
  await h.command('AT+CCHSSLCFG=0,1', error(), false)
  await h.command('AT+CCHSEND=0,0', error(), false)
  await h.command('AT+CCHSEND=0,2049', error(), false)
  await h.command('AT+CCHRECV=0', error(), false)
})

t.test('AT+CCHSTOP with a session open: OK, +CCHCLOSE: <id>,0, then +CCHSTOP: 0', async t => {
  const { h, tls } = await bootWithServers(t)
  await startCch(h)
  await h.command('AT+CCHOPEN=1,"localhost",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 1,0'))
  await h.command('AT+CCHSTOP', ok() + urc('+CCHCLOSE: 1,0') + urc('+CCHSTOP: 0'), false)
  await until(() => tls.connections()[0]?.open === false)
  t.equal(tls.connections()[0]?.open, false)
})

t.test('the network goes away: +CCH: CCH STOP, the sessions are gone; after it returns the service starts again', async t => {
  const { h, tls } = await bootWithServers(t)
  await startCch(h)
  await h.command('AT+CCHOPEN=0,"localhost",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,0'))
  h.modem.dropNetwork()
  await h.expect(urc('+CCH: CCH STOP'))
  await until(() => tls.connections()[0]?.open === false)
  t.equal(tls.connections()[0]?.open, false, 'the real connection ended')
  await h.command('AT+CCHSEND=0,1', error(), false)
  await h.command('AT+CCHSTART', ok() + urc('+CCHSTART: 9'), false)
  h.modem.restoreNetwork()
  await startCch(h)
  await h.command('AT+CCHOPEN?', ok('+CCHOPEN: 0,"",,,', '+CCHOPEN: 1,"",,,'), false)
})

t.test('a reboot ends the sessions without a word', async t => {
  const { h, tls } = await bootWithServers(t)
  await startCch(h)
  await h.command('AT+CCHOPEN=0,"localhost",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,0'))
  h.modem.reboot()
  await h.expect('\r\n*ATREADY: 1\r\n')
  await until(() => tls.connections()[0]?.open === false)
  t.equal(tls.connections()[0]?.open, false)
  t.notMatch(h.pending(), /CCH/)
})

t.test('the server closes while the send prompt is open: the data is refused, then +CCH_PEER_CLOSED follows', async t => {
  const { h, tls } = await bootWithServers(t, 'simcom-a76xx', false)
  await h.command('AT+CCHSET=1', ok(), false)
  await startCch(h)
  await h.command('AT+CCHOPEN=0,"localhost",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,0'))
  await until(() => tls.connections().length === 1)
  h.write('AT+CCHSEND=0,4\r')
  await h.expect('\r\n>')
  await tls.act({ server: 'tls', kind: 'close' })
  await new Promise(resolve => setTimeout(resolve, 100))
  h.write('late')
  await h.expect(error() + urc('+CCH_PEER_CLOSED: 0'))
  t.equal(h.pending(), '')
})
