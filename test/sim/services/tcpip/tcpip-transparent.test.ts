/**
 * Byte-level probes of transparent mode (AT+CIPMODE=1), written from the SIM7600 TCP/IP application note 9.1.2:
 * `CONNECT 115200` instead of OK and +CIPOPEN, raw bytes both ways, `+++` between guard times answers OK, ATO
 * answers `CONNECT 115200`, AT+CIPCLOSE prints OK, CLOSED, +CIPCLOSE: 0,0.
 */
import t, { type Test } from 'tap'
import { startEchoServer, type EchoServer } from '../../../../src/servers/tcp/echo-server.js'
import { error, ok, urc, WireHarness } from '../../wire-harness.js'
import { until } from './tcpip-harness.js'

/** A short guard time keeps the probes fast; one test below checks the 1 s default. */
const GUARD_MS = 150

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** A modem (echo off) whose `echo.example.com:7` is a fresh echo server; `{}` as `guard` keeps the default guard time. */
async function boot(
  t: Test,
  profile = 'simcom-a76xx',
  guard: { escapeGuardMs?: number } = { escapeGuardMs: GUARD_MS },
): Promise<{ h: WireHarness; server: EchoServer }> {
  const server = await startEchoServer({ echo: true })
  const h = await WireHarness.boot({
    profile,
    echo: false,
    ...guard,
    resolve: [{ host: 'echo.example.com', port: 7, to: { host: server.host, port: server.port } }],
  })
  t.teardown(async () => {
    await h.close()
    await server.close()
  })
  return { h, server }
}

/** AT+CIPMODE=1, AT+NETOPEN, AT+CIPOPEN on link 0 up to `CONNECT 115200`: the port is in online data mode. */
async function goOnline(h: WireHarness): Promise<void> {
  await h.command('AT+CIPMODE=1', ok(), false)
  await h.command('AT+NETOPEN', ok() + urc('+NETOPEN: 0'), false)
  await h.command('AT+CIPOPEN=0,"TCP","echo.example.com",7', '\r\nCONNECT 115200\r\n', false)
}

/** `+++` alone between two guard times, answered by OK. */
async function escape(h: WireHarness): Promise<void> {
  await sleep(GUARD_MS + 50)
  h.write('+++')
  await h.expect(ok(), GUARD_MS + 2000)
}

for (const profile of ['simcom-a76xx', 'simcom-sim7600']) {
  t.test(`${profile}: CONNECT 115200, raw bytes both ways, +++ OK, ATO, CIPCLOSE with CLOSED`, async t => {
    const { h, server } = await boot(t, profile)
    await h.command('AT+CIPMODE?', ok('+CIPMODE: 0'), false)
    await goOnline(h)
    // No echo and no command parsing: a command line and CR LF OK CR LF are data like any other bytes.
    h.write('AT\r\nOK\r\n', 3)
    await h.expect('AT\r\nOK\r\n')
    await until(() => server.receivedOn(1).toString('latin1') === 'AT\r\nOK\r\n')
    t.equal(server.receivedOn(1).toString('latin1'), 'AT\r\nOK\r\n')
    await escape(h)
    await h.command('AT+CIPMODE?', ok('+CIPMODE: 1'), false)
    await h.command('AT+CIPSEND=0,1', error('+CIPERROR: 4'), false)
    await h.command('ATO', '\r\nCONNECT 115200\r\n', false)
    h.write('back')
    await h.expect('back')
    await escape(h)
    await h.command('AT+CIPCLOSE=0', ok() + urc('CLOSED') + urc('+CIPCLOSE: 0,0'), false)
    await h.command('ATO', '\r\nNO CARRIER\r\n', false)
    await h.command('AT+NETCLOSE', ok() + urc('+NETCLOSE: 0'), false)
  })
}

t.test('+++ without the guard time before or after it is data', async t => {
  const { h, server } = await boot(t)
  await goOnline(h)
  h.write('a+++b')
  await h.expect('a+++b')
  await sleep(GUARD_MS + 50)
  h.write('+++')
  await sleep(GUARD_MS / 3)
  h.write('c')
  await h.expect('+++c')
  await sleep(GUARD_MS + 50)
  h.write('++')
  await h.expect('++', GUARD_MS + 1000)
  await sleep(GUARD_MS + 50)
  h.write('++++')
  await h.expect('++++', GUARD_MS + 1000)
  await until(() => server.receivedOn(1).toString() === 'a+++b+++c++++++')
  t.equal(server.receivedOn(1).toString(), 'a+++b+++c++++++')
  await escape(h)
  await h.command('AT', ok(), false)
})

t.test('the guard time is 1 s by default: +++ 0.5 s after data is data, 1 s after it is the escape', async t => {
  const { h, server } = await boot(t, 'simcom-a76xx', {})
  await goOnline(h)
  h.write('x')
  await h.expect('x')
  await sleep(500)
  h.write('+++')
  await h.expect('+++', 3000)
  await sleep(1100)
  const sentAt = Date.now()
  h.write('+++')
  await h.expect(ok(), 3000)
  t.ok(Date.now() - sentAt >= 950, 'OK only after a second of silence')
  t.equal(server.receivedOn(1).toString(), 'x+++')
})

t.test('data from the server while in command mode waits for ATO', async t => {
  const { h, server } = await boot(t)
  await goOnline(h)
  await until(() => server.connections().length === 1)
  await escape(h)
  server.sendTcp('kept')
  await sleep(50)
  await h.command('AT', ok(), false)
  await h.command('ATO', '\r\nCONNECT 115200\r\nkept', false)
})

t.test('the server closes: CLOSED in data mode, back to command mode; in command mode a CLOSED URC', async t => {
  const { h, server } = await boot(t)
  await goOnline(h)
  await until(() => server.connections().length === 1)
  server.closeConnection()
  await h.expect(urc('CLOSED'))
  await h.command('AT', ok(), false)
  await h.command('AT+CIPOPEN=0,"TCP","echo.example.com",7', '\r\nCONNECT 115200\r\n', false)
  await until(() => server.connections().length === 2)
  await escape(h)
  server.closeConnection()
  await h.expect(urc('CLOSED'))
  await h.command('ATO', '\r\nNO CARRIER\r\n', false)
})

t.test('network loss in data mode: CLOSED, then +CIPEVENT, in command mode', async t => {
  const { h } = await boot(t)
  await goOnline(h)
  h.modem.dropNetwork()
  await h.expect(urc('CLOSED') + urc('+CIPEVENT: NETWORK CLOSED UNEXPECTEDLY'))
  await h.command('AT', ok(), false)
  await h.command('ATO', '\r\nNO CARRIER\r\n', false)
  await h.command('AT+CIPCLOSE=0', ok() + urc('+CIPCLOSE: 0,0'), false)
})

t.test('NETCLOSE with the transparent link open closes it as CIPCLOSE does', async t => {
  const { h } = await boot(t)
  await goOnline(h)
  await escape(h)
  await h.command('AT+NETCLOSE', ok() + urc('CLOSED') + urc('+CIPCLOSE: 0,0') + urc('+NETCLOSE: 0'), false)
})

t.test('transparent mode: only a TCP client on link 0; the mode is set before NETOPEN; failures answer ERROR', async t => {
  const { h } = await boot(t)
  await h.command('AT+CIPMODE=2', error(), false)
  await h.command('AT+CIPMODE=1', ok(), false)
  await h.command('AT+NETOPEN', ok() + urc('+NETOPEN: 0'), false)
  await h.command('AT+CIPMODE=0', error(), false)
  await h.command('AT+CIPOPEN=1,"TCP","echo.example.com",7', error('+CIPOPEN: 1,3'), false)
  await h.command('AT+CIPOPEN=0,"UDP",,,5000', error('+CIPOPEN: 0,3'), false)
  await h.command('AT+CIPOPEN=0,"TCP","unmapped.example.net",7', error('+CIPOPEN: 0,11'), false)
  await h.command('AT+CIPOPEN=0,"TCP","127.0.0.1",1', error('+CIPOPEN: 0,1'), false)
  await h.command('AT+NETCLOSE', ok() + urc('+NETCLOSE: 0'), false)
  await h.command('AT+CIPMODE=0', ok(), false)
  await h.command('AT+CIPMODE?', ok('+CIPMODE: 0'), false)
})

t.test('bytes the host sent right behind the AT+CIPOPEN line are the first data', async t => {
  const { h, server } = await boot(t)
  await h.command('AT+CIPMODE=1', ok(), false)
  await h.command('AT+NETOPEN', ok() + urc('+NETOPEN: 0'), false)
  h.write('AT+CIPOPEN=0,"TCP","echo.example.com",7\r\nearly')
  await h.expect('\r\nCONNECT 115200\r\nearly')
  t.equal(server.receivedOn(1).toString(), 'early')
})
