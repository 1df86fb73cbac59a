/**
 * Byte-level probes of UDP links and the buffer receive mode, from the A76XX TCP/IP application note
 * (sections 3.2.2, 3.3.1, 3.3.2): `+CIPRXGET: 1,<link>` once data waits, reads by length with the rest left.
 */
import t from 'tap'
import { error, ok, urc } from '../../wire-harness.js'
import { bootWithServer, FREE_LINKS, openTcp, until } from './tcpip-harness.js'

t.test('a UDP link: opened by local port (+CIPOPEN before OK), sent to an address, the echo pushed', async t => {
  const { h, server } = await bootWithServer(t)
  await h.command('AT+NETOPEN', ok() + urc('+NETOPEN: 0'), false)
  await h.command('AT+CIPOPEN=1,"UDP",,,5000', ok('+CIPOPEN: 1,0'), false)
  await h.command('AT+CIPOPEN?', ok('+CIPOPEN: 0', '+CIPOPEN: 1,"UDP","",0,-1', ...FREE_LINKS(2)), false)
  h.write('AT+CIPSEND=1,5,"echo.example.com",7\r')
  await h.expect('\r\n>')
  h.write('HELLO')
  await h.expect(ok() + urc('+CIPSEND: 1,5,5'))
  await h.expect('\r\nRECV FROM:echo.example.com:7\r\n+IPD5\r\nHELLO')
  const [chunk] = await server.waitForChunks(1)
  t.match(chunk, { protocol: 'udp', connection: 0 })
  t.equal(chunk?.bytes.toString(), 'HELLO')
  await h.command('AT+CIPCLOSE=1', ok() + urc('+CIPCLOSE: 1,0'), false)
})

t.test('UDP: a remote address without a local port is a wrong parameter (3), as a real SIM7600 answers', async t => {
  const { h } = await bootWithServer(t)
  await h.command('AT+NETOPEN', ok() + urc('+NETOPEN: 0'), false)
  await h.command('AT+CIPOPEN=1,"UDP","echo.example.com",7', error('+CIPOPEN: 1,3'), false)
  await h.command('AT+CIPOPEN=1,"UDP",,,5000', ok('+CIPOPEN: 1,0'), false)
  await h.command('AT+CIPSEND=1,5', error('+CIPERROR: 3'), false)
  await h.command('AT+CIPSEND=1,5,"nowhere.example.net",7', error('+CIPERROR: 11'), false)
})

t.test('buffer mode over TCP: one notice, reads by length with the rest, then No data', async t => {
  const { h, server } = await bootWithServer(t, false)
  await h.command('AT+CIPRXGET?', ok('+CIPRXGET: 0'), false)
  await h.command('AT+CIPRXGET=1', ok(), false)
  await h.command('AT+CIPRXGET?', ok('+CIPRXGET: 1'), false)
  await openTcp(h, 1)
  await until(() => server.connections().length === 1)
  server.sendTcp('data from server')
  await h.expect(urc('+CIPRXGET: 1,1'))
  await h.command('AT+CIPRXGET=4,1', ok('+CIPRXGET: 4,1,16'), false)
  await h.command('AT+CIPRXGET=2,1,5', '\r\n+CIPRXGET: 2,1,5,11\r\ndata \r\n\r\nOK\r\n', false)
  await h.command('AT+CIPRXGET=3,1,5', ok('+CIPRXGET: 3,1,5,6', '66726F6D20'), false)
  await h.command('AT+CIPRXGET=2,2', error('+IP ERROR: No data'), false)
  await h.command('AT+CIPRXGET=2,1', '\r\n+CIPRXGET: 2,1,6,0\r\nserver\r\n\r\nOK\r\n', false)
  await h.command('AT+CIPRXGET=4,1', ok('+CIPRXGET: 4,1,0'), false)
  await h.command('AT+CIPRXGET=2,1', error('+IP ERROR: No data'), false)
  server.sendTcp('\r\nOK\r\n')
  await h.expect(urc('+CIPRXGET: 1,1'))
  await h.command('AT+CIPRXGET=2,1,100', '\r\n+CIPRXGET: 2,1,6,0\r\n\r\nOK\r\n\r\n\r\nOK\r\n', false)
  t.equal(h.pending(), '')
})

t.test('buffer mode over UDP: datagrams wait in the buffer in order', async t => {
  const { h, server } = await bootWithServer(t)
  await h.command('AT+NETOPEN', ok() + urc('+NETOPEN: 0'), false)
  await h.command('AT+CIPRXGET=1', ok(), false)
  await h.command('AT+CIPOPEN=0,"UDP",,,5000', ok('+CIPOPEN: 0,0'), false)
  h.write('AT+CIPSEND=0,3,"echo.example.com",7\r')
  await h.expect('\r\n>')
  h.write('one')
  await h.expect(ok() + urc('+CIPSEND: 0,3,3') + urc('+CIPRXGET: 1,0'))
  await server.sendUdp('two')
  // The second datagram raises no notice (the buffer was not empty), so give loopback a moment to deliver it.
  await new Promise(resolve => setTimeout(resolve, 100))
  await h.command('AT+CIPRXGET=4,0', ok('+CIPRXGET: 4,0,6'), false)
  await h.command('AT+CIPRXGET=2,0,6', '\r\n+CIPRXGET: 2,0,6,0\r\nonetwo\r\n\r\nOK\r\n', false)
})

t.test('reads need buffer mode, a known link and lengths in range', async t => {
  const { h } = await bootWithServer(t)
  await openTcp(h)
  await h.command('AT+CIPRXGET=2,0,5', error('+IP ERROR: Operation not supported'), false)
  await h.command('AT+CIPRXGET=1', ok(), false)
  await h.command('AT+CIPRXGET=2,0,1501', error(), false)
  await h.command('AT+CIPRXGET=3,0,751', error(), false)
  await h.command('AT+CIPRXGET=5,0', error(), false)
  await h.command('AT+CIPRXGET=2,0', error('+IP ERROR: No data'), false)
})

t.test('unread data goes with the link when the peer closes it (the slot is free again)', async t => {
  const { h, server } = await bootWithServer(t, false)
  await h.command('AT+CIPRXGET=1', ok(), false)
  await openTcp(h)
  await until(() => server.connections().length === 1)
  server.sendTcp('last words')
  await h.expect(urc('+CIPRXGET: 1,0'))
  server.closeConnection()
  await h.expect(urc('+IPCLOSE: 0,1'))
  await h.command('AT+CIPRXGET=2,0', error('+IP ERROR: No data'), false)
  await h.command('AT+CIPOPEN?', ok(...FREE_LINKS(0)), false)
  await h.command('AT+CIPOPEN?', ok(...FREE_LINKS(0)), false)
})

t.test('binary bytes pass through both receive modes unchanged', async t => {
  const { h, server } = await bootWithServer(t, false)
  const bytes = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x80, 0x1a])
  await openTcp(h)
  await until(() => server.connections().length === 1)
  server.sendTcp(bytes)
  await h.expect(`\r\nRECV FROM:echo.example.com:7\r\n+IPD6\r\n${bytes.toString('latin1')}`)
  await h.command('AT+CIPRXGET=1', ok(), false)
  server.sendTcp(bytes)
  await h.expect(urc('+CIPRXGET: 1,0'))
  await h.command('AT+CIPRXGET=2,0', `\r\n+CIPRXGET: 2,0,6,0\r\n${bytes.toString('latin1')}\r\n\r\nOK\r\n`, false)
})
