/**
 * The Quectel TCP/IP stack byte by byte on both Quectel profiles, against the TCP/UDP echo server, written from the
 * TCP/IP application note and the transcripts the project's notes cite (TinyGSM issue #475, a BG96;
 * SeeedJP/WioLTEforArduino issue #34, an EC21): `OK` then `+QIOPEN: <id>,<err>`, the `> ` prompt, `SEND OK`,
 * `+QIURC: "recv",<id>,<len>` with the bytes (push) or `+QIURC: "recv",<id>` and AT+QIRD (buffer).
 */
import { createServer, type AddressInfo, type Socket } from 'node:net'
import t, { type Test } from 'tap'
import { startEchoServer } from '../../../../src/servers/tcp/index.js'
import { WireHarness, error, ok, urc } from '../../wire-harness.js'

async function boot(
  t: Test,
  profile: string,
  extra: Array<{ host: string; port: number; to: { host: string; port: number } }> = [],
): Promise<WireHarness> {
  const echo = await startEchoServer()
  t.teardown(() => echo.close())
  const h = await WireHarness.boot({
    profile,
    resolve: [{ host: 'echo.example', port: 7, to: { host: echo.host, port: echo.port } }, ...extra],
  })
  t.teardown(() => h.close())
  return h
}

async function activate(h: WireHarness): Promise<void> {
  await h.command('AT+QICSGP=1,1,"internet","","",1', ok())
  await h.command('AT+QIACT=1', ok())
}

for (const profile of ['quectel-bg96', 'quectel-eg25']) {
  t.test(`${profile}: a PDP context, a TCP socket in push mode, data both ways`, async t => {
    const h = await boot(t, profile)
    await h.command('AT+QICSGP=1', ok('+QICSGP: 1,"internet","","",0'))
    await h.command('AT+QIOPEN=1,0,"TCP","echo.example",7,0,1', ok())
    await h.expect(urc('+QIOPEN: 0,561'))
    await activate(h)
    await h.command('AT+QIACT?', ok('+QIACT: 1,1,1,"10.64.0.21"'))
    await h.command('AT+QIOPEN=1,0,"TCP","echo.example",7,0,1', ok())
    await h.expect(urc('+QIOPEN: 0,0'))
    await h.command('AT+QISTATE=1,0', ok('+QISTATE: 0,"TCP","echo.example",7,0,2,1,0,1,"uart1"'))
    await h.command('AT+QISEND=0,7', '\r\n> ')
    h.write('hi\r\nOK\r')
    await h.expect('\r\nSEND OK\r\n' + '\r\n+QIURC: "recv",0,7\r\nhi\r\nOK\r\r\n')
    await h.command('AT+QISEND=0', '\r\n> ')
    h.write('ctrlz\x1a')
    await h.expect('\r\nSEND OK\r\n' + '\r\n+QIURC: "recv",0,5\r\nctrlz\r\n')
    await h.command('AT+QISEND=0,0', ok('+QISEND: 12,12,0'))
    await h.command('AT+QIOPEN=1,0,"TCP","echo.example",7,0,1', ok())
    await h.expect(urc('+QIOPEN: 0,563'))
    await h.command('AT+QIGETERROR', ok('+QIGETERROR: 563,socket identity has been used'))
    await h.command('AT+QICLOSE=0', ok())
    await h.command('AT+QISTATE?', ok())
    await h.command('AT+QISEND=0,3', error())
  })

  t.test(`${profile}: buffer mode announces data once, AT+QIRD reads it by length`, async t => {
    const h = await boot(t, profile)
    await activate(h)
    await h.command('AT+QIOPEN=1,1,"TCP","echo.example",7,0,0', ok())
    await h.expect(urc('+QIOPEN: 1,0'))
    await h.command('AT+QISEND=1,6', '\r\n> ')
    h.write('abc\r\nd'.slice(0, 6))
    await h.expect('\r\nSEND OK\r\n' + urc('+QIURC: "recv",1'))
    await h.command('AT+QIRD=1,0', ok('+QIRD: 6,0,6'))
    await h.command('AT+QIRD=1,2', '\r\n+QIRD: 2\r\nab\r\n\r\nOK\r\n')
    await h.command('AT+QIRD=1', '\r\n+QIRD: 4\r\nc\r\nd\r\n\r\nOK\r\n')
    await h.command('AT+QIRD=1', ok('+QIRD: 0'))
    await h.command('AT+QIRD=1,0', ok('+QIRD: 6,6,0'))
    await h.command('AT+QISEND=1,2', '\r\n> ')
    h.write('ef')
    await h.expect('\r\nSEND OK\r\n' + urc('+QIURC: "recv",1'), 3000)
  })

  t.test(`${profile}: UDP, a peer that closes, and the network going away`, async t => {
    const sockets = new Set<Socket>()
    const closer = createServer(socket => {
      sockets.add(socket)
      setTimeout(() => socket.end(), 50)
    })
    await new Promise<void>(resolve => closer.listen(0, '127.0.0.1', resolve))
    t.teardown(() => {
      for (const socket of sockets) socket.destroy()
      return new Promise<void>(resolve => closer.close(() => resolve()))
    })
    const port = (closer.address() as AddressInfo).port
    const h = await boot(t, profile, [{ host: 'closer.example', port: 80, to: { host: '127.0.0.1', port } }])
    await activate(h)
    await h.command('AT+QIOPEN=1,3,"UDP","echo.example",7,0,1', ok() + urc('+QIOPEN: 3,0'))
    await h.command('AT+QISEND=3,3', '\r\n> ')
    h.write('udp')
    await h.expect('\r\nSEND OK\r\n' + '\r\n+QIURC: "recv",3,3\r\nudp\r\n')
    await h.command('AT+QIOPEN=1,2,"TCP","closer.example",80,0,1', ok())
    await h.expect(urc('+QIOPEN: 2,0') + urc('+QIURC: "closed",2'))
    await h.command('AT+QISEND=2,1', error())
    await h.command('AT+QIOPEN=1,4,"TCP","nowhere.example",80,0,1', ok() + urc('+QIOPEN: 4,565'))
    await h.command('AT+QIOPEN=1,5,"TCP","127.0.0.1",1,0,1', ok())
    await h.expect(urc('+QIOPEN: 5,566'))
    h.modem.dropNetwork()
    await h.expect(urc('+QIURC: "pdpdeact",1'))
    await h.command('AT+QIACT?', ok())
    await h.command('AT+QISTATE=1,3', ok('+QISTATE: 3,"UDP","echo.example",7,0,4,1,0,1,"uart1"'))
  })
}
