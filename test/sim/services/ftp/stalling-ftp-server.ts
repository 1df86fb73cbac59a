/** A loopback FTP control connection that logs anyone in and then holds every download open, for tests of what ends it. */
import { once } from 'node:events'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import type { Test } from 'tap'
import { WireHarness, ok } from '../../wire-harness.js'
import { commandThenUrc } from './ftp-harness.js'

export interface StallingFtpServer {
  port: number
  server: Server
  held: Socket[]
}

/** A control connection that answers the login and settings, then holds every RETR open (150, no data, no 226). */
export async function startStallingServer(): Promise<StallingFtpServer> {
  const held: Socket[] = []
  const replies: Record<string, string> = {
    USER: '331 Password',
    PASS: '230 OK',
    FEAT: '211 End',
    TYPE: '200 OK',
    STRU: '200 OK',
    OPTS: '200 OK',
    PWD: '257 "/"',
  }
  const server = createServer(control => {
    held.push(control)
    control.write('220 ready\r\n')
    let text = ''
    control.on('data', async (chunk: Buffer) => {
      text += chunk.toString()
      for (let end = text.indexOf('\r\n'); end >= 0; end = text.indexOf('\r\n')) {
        const verb = text.slice(0, end).split(' ')[0]!.toUpperCase()
        text = text.slice(end + 2)
        if (verb === 'EPSV') {
          const data = createServer(socket => held.push(socket))
          data.listen(0, '127.0.0.1')
          await once(data, 'listening')
          held.push(control)
          control.write(`229 Entering Extended Passive Mode (|||${(data.address() as AddressInfo).port}|)\r\n`)
          control.once('close', () => data.close())
        } else if (verb === 'RETR') control.write('150 Opening\r\n')
        else if (verb === 'ABOR') control.write('426 Aborted\r\n226 Abort OK\r\n')
        else control.write(`${replies[verb] ?? '502 No'}\r\n`)
      }
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return { port: (server.address() as AddressInfo).port, server, held }
}

/** Starts a stalling server that is closed, with every socket it holds, when `t` ends. */
export async function startStallingServerFor(t: Test): Promise<StallingFtpServer> {
  const stalling = await startStallingServer()
  t.teardown(async () => {
    for (const socket of stalling.held) socket.destroy()
    await new Promise(resolve => stalling.server.close(resolve))
  })
  return stalling
}

/**
 * A simulated modem logged in to a stalling server (any host's 21), with `AT+CFTPSGET="/big.bin"` started and held
 * open: the state tests of what ends a running download start from. Closed at teardown.
 */
export async function startStalledDownload(t: Test): Promise<WireHarness> {
  const stalling = await startStallingServerFor(t)
  const h = await WireHarness.boot({ echo: false, resolve: [{ host: '*', port: 21, to: { host: '127.0.0.1', port: stalling.port } }] })
  t.teardown(() => h.close())
  await commandThenUrc(h, 'AT+CFTPSSTART', '+CFTPSSTART: 0')
  await commandThenUrc(h, 'AT+CFTPSLOGIN="ftp.example.com",21,"u","p",0', '+CFTPSLOGIN: 0')
  await h.command('AT+CFTPSGET="/big.bin"', ok(), false)
  await new Promise(resolve => setTimeout(resolve, 200))
  return h
}
