/**
 * Byte-level probes of the socket service and TCP links, written from the A76XX TCP/IP application note
 * (sections 3.1, 3.2.1, 3.4.3, 4.1, 4.2): exact bytes, CRLF placement and the order of result lines and OK.
 */
import t from 'tap'
import { error, ok, urc } from '../../wire-harness.js'
import { bootWithServer, FREE_LINKS, openTcp, until } from './tcpip-harness.js'

for (const profile of ['simcom-a76xx', 'simcom-sim7600']) {
  t.test(`${profile}: NETOPEN, its read form, IPADDR and NETCLOSE`, async t => {
    const { h } = await bootWithServer(t, true, profile)
    await h.command('AT+NETOPEN?', ok('+NETOPEN: 0'), false)
    await h.command('AT+IPADDR', error('+IPADDR: Network not opened'), false)
    await h.command('AT+NETOPEN', ok() + urc('+NETOPEN: 0'), false)
    await h.command('AT+NETOPEN?', ok('+NETOPEN: 1'), false)
    await h.command('AT+IPADDR', ok('+IPADDR: 10.64.0.17'), false)
    await h.command('AT+NETOPEN', error('+IP ERROR: Network is already opened'), false)
    await h.command('AT+NETCLOSE', ok() + urc('+NETCLOSE: 0'), false)
    await h.command('AT+NETCLOSE', error('+IP ERROR: Network is already closed'), false)
  })
}

t.test('NETOPEN without network answers OK and then +NETOPEN: 1', async t => {
  const { h } = await bootWithServer(t)
  h.modem.dropNetwork()
  await h.command('AT+NETOPEN', ok() + urc('+NETOPEN: 1'), false)
  await h.command('AT+NETOPEN?', ok('+NETOPEN: 0'), false)
})

t.test('a TCP client: open, send with the prompt, the echo pushed with RECV FROM and +IPD, close', async t => {
  const { h, server } = await bootWithServer(t)
  await openTcp(h, 1)
  await h.command('AT+CIPOPEN?', ok('+CIPOPEN: 0', '+CIPOPEN: 1,"TCP","echo.example.com",7,-1', ...FREE_LINKS(2)), false)
  await h.command('AT+CIPCLOSE?', ok('+CIPCLOSE: 0,1,0,0,0,0,0,0,0,0'), false)
  h.write('AT+CIPSEND=1,5\r')
  await h.expect('\r\n>')
  h.write('HELLO')
  await h.expect(ok() + urc('+CIPSEND: 1,5,5'))
  await h.expect('\r\nRECV FROM:echo.example.com:7\r\n+IPD5\r\nHELLO')
  t.equal(server.receivedOn(1).toString(), 'HELLO')
  await h.command('AT+CIPCLOSE=1', ok() + urc('+CIPCLOSE: 1,0'), false)
  await h.command('AT+CIPCLOSE?', ok('+CIPCLOSE: 0,0,0,0,0,0,0,0,0,0'), false)
})

t.test('a payload holding CRLF OK CRLF goes out and comes back byte for byte, announced by length', async t => {
  const { h, server } = await bootWithServer(t)
  await openTcp(h)
  const payload = 'a\r\nOK\r\nb'
  h.write(`AT+CIPSEND=0,${payload.length}\r`)
  await h.expect('\r\n>')
  h.write(payload, 3)
  await h.expect(ok() + urc(`+CIPSEND: 0,${payload.length},${payload.length}`))
  await h.expect(`\r\nRECV FROM:echo.example.com:7\r\n+IPD${payload.length}\r\n${payload}`)
  t.equal(server.receivedOn(1).toString('latin1'), payload)
})

t.test('CIPHEAD=0 drops +IPD, CIPSRIP=0 drops RECV FROM; both off leaves the bare bytes', async t => {
  const { h, server } = await bootWithServer(t, false)
  await h.command('AT+CIPHEAD?', ok('+CIPHEAD: 1'), false)
  await h.command('AT+CIPSRIP?', ok('+CIPSRIP: 1'), false)
  await openTcp(h)
  await until(() => server.connections().length === 1)
  await h.command('AT+CIPSRIP=0', ok(), false)
  server.sendTcp('one')
  await h.expect('\r\n+IPD3\r\none')
  await h.command('AT+CIPHEAD=0', ok(), false)
  await h.command('AT+CIPSRIP=1', ok(), false)
  server.sendTcp('two')
  await h.expect('\r\nRECV FROM:echo.example.com:7\r\ntwo')
  await h.command('AT+CIPSRIP=0', ok(), false)
  server.sendTcp('three')
  await h.expect('three')
  await h.command('AT+CIPHEAD=2', error(), false)
})

t.test('the server closes: +IPCLOSE: <link>,1 and the link is free again', async t => {
  const { h, server } = await bootWithServer(t)
  await openTcp(h, 2)
  await until(() => server.connections().length === 1)
  server.closeConnection()
  await h.expect(urc('+IPCLOSE: 2,1'))
  await h.command('AT+CIPCLOSE?', ok('+CIPCLOSE: 0,0,0,0,0,0,0,0,0,0'), false)
  await h.command('AT+CIPSEND=2,1', error('+CIPERROR: 4'), false)
  await h.command('AT+CIPCLOSE=2', error('+CIPCLOSE: 2,4'), false)
})

t.test('the network goes away: +CIPEVENT, links broken until closed, NETCLOSE then NETOPEN again', async t => {
  const { h, server } = await bootWithServer(t)
  await openTcp(h)
  h.modem.dropNetwork()
  await h.expect(urc('+CIPEVENT: NETWORK CLOSED UNEXPECTEDLY'))
  await h.command('AT+NETOPEN?', ok('+NETOPEN: 1'), false)
  await h.command('AT+CIPSEND=0,1', error('+CIPERROR: 4'), false)
  await h.command('AT+CIPCLOSE=0', ok() + urc('+CIPCLOSE: 0,0'), false)
  await h.command('AT+NETCLOSE', ok() + urc('+NETCLOSE: 0'), false)
  h.modem.restoreNetwork()
  await openTcp(h)
  await until(() => server.connections().length === 2 && server.connections()[0]?.open === false)
  t.match(server.connections(), [{ open: false }, { open: true }])
})

t.test('NETCLOSE with a link open closes it as the module does: +IPCLOSE: <link>,0 before +NETCLOSE: 0', async t => {
  const { h } = await bootWithServer(t)
  await openTcp(h, 3)
  await h.command('AT+NETCLOSE', ok() + urc('+IPCLOSE: 3,0') + urc('+NETCLOSE: 0'), false)
})

t.test('wrong states and parameters get their codes', async t => {
  const { h } = await bootWithServer(t)
  await h.command('AT+CIPOPEN=0,"TCP","echo.example.com",7', error('+CIPOPEN: 0,2'), false)
  await h.command('AT+CIPSEND=0,5', error('+CIPERROR: 2'), false)
  await h.command('AT+CIPCLOSE=0', error('+IP ERROR: Network not opened'), false)
  await openTcp(h)
  await h.command('AT+CIPOPEN=0,"TCP","echo.example.com",7', error('+IP ERROR: Connection is already created'), false)
  await h.command('AT+CIPOPEN=1,"SCTP","echo.example.com",7', error('+CIPOPEN: 1,3'), false)
  await h.command('AT+CIPOPEN=10,"TCP","echo.example.com",7', error(), false)
  await h.command('AT+CIPSEND=0,0', error(), false)
  await h.command('AT+CIPSEND=0,1501', error(), false)
  await h.command('AT+CIPMODE=1', error(), false)
  await h.command('AT+CIPMODE?', ok('+CIPMODE: 0'), false)
})

t.test('an unmapped host fails as DNS (11) after OK; a refused port as a network failure (1)', async t => {
  const { h, server } = await bootWithServer(t)
  await h.command('AT+NETOPEN', ok() + urc('+NETOPEN: 0'), false)
  await h.command('AT+CIPOPEN=0,"TCP","nowhere.example.net",7', ok() + urc('+CIPOPEN: 0,11'), false)
  await server.close()
  await h.command(`AT+CIPOPEN=0,"TCP","127.0.0.1",${server.port}`, ok() + urc('+CIPOPEN: 0,1'), false)
  await h.command('AT+CIPOPEN?', ok(...FREE_LINKS(0)), false)
})

t.test('CDNSGIP answers loopback names and literals, and fails other names with 10', async t => {
  const { h } = await bootWithServer(t)
  await h.command('AT+CDNSGIP="localhost"', ok('+CDNSGIP: 1,"localhost","127.0.0.1"'), false)
  await h.command('AT+CDNSGIP="127.0.0.1"', ok('+CDNSGIP: 1,"127.0.0.1","127.0.0.1"'), false)
  await h.command('AT+CDNSGIP="example.com"', error('+CDNSGIP: 0,10'), false)
})

t.test('a reboot ends every link silently and forgets the socket service', async t => {
  const { h, server } = await bootWithServer(t)
  await openTcp(h)
  h.modem.reboot()
  // The A76XX boot banner (A76XX AT command manual; real boot logs show the same lines).
  await h.expect('\r\n*ATREADY: 1\r\n\r\n+CPIN: READY\r\n\r\nSMS DONE\r\n\r\n+CGEV: EPS PDN ACT 1\r\n\r\nPB DONE\r\n')
  await h.command('AT+NETOPEN?', ok('+NETOPEN: 0'), false)
  await until(() => server.connections()[0]?.open === false)
  t.equal(server.connections()[0]?.open, false)
  t.equal(h.pending(), '')
})
