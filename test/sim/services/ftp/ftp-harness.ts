/** A booted modem whose hosts' FTP ports (21, and 990 for implicit FTPS) reach a fresh loopback FTP(S) server. */
import type { Test } from 'tap'
import { startFtpServer, type FtpServer } from '../../../../src/servers/ftp/index.js'
import type { SimOptions } from '../../../../src/sim/sim-modem.js'
import { WireHarness, ok } from '../../wire-harness.js'

export interface FtpRig {
  h: WireHarness
  server: FtpServer
}

export async function startFtpRig(t: Test, options: SimOptions = {}): Promise<FtpRig> {
  const server = await startFtpServer()
  t.teardown(() => server.close())
  const h = await WireHarness.boot({
    echo: false,
    resolve: [
      { host: '*', port: 21, to: { host: server.host, port: server.port } },
      { host: '*', port: 990, to: { host: server.host, port: server.implicitPort } },
    ],
    ...options,
  })
  t.teardown(() => h.close())
  return { h, server }
}

/** A command answered `OK` at once and then by one URC line. */
export async function commandThenUrc(h: WireHarness, line: string, urc: string): Promise<void> {
  await h.command(line, ok() + `\r\n${urc}\r\n`, false)
}

/** AT+CFTPSSTART and AT+CFTPSLOGIN to ftp.example.com:21 with the server's account. */
export async function logIn(rig: FtpRig, serverType = 0, port = 21): Promise<void> {
  const { h, server } = rig
  await commandThenUrc(h, 'AT+CFTPSSTART', '+CFTPSSTART: 0')
  await commandThenUrc(h, `AT+CFTPSLOGIN="ftp.example.com",${port},"${server.user}","${server.password}",${serverType}`, '+CFTPSLOGIN: 0')
}
