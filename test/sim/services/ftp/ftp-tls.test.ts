import t from 'tap'
import { createTestCertificates } from '../../../../src/servers/broker/test-certificates.js'
import type { WireHarness } from '../../wire-harness.js'
import { error, ok } from '../../wire-harness.js'
import { commandThenUrc, logIn, startFtpRig } from './ftp-harness.js'

async function downloadCa(h: WireHarness, name: string, pem: string): Promise<void> {
  await h.command(`AT+CCERTDOWN="${name}",${Buffer.byteLength(pem)}`, '\r\n>', false)
  h.write(pem)
  await h.expect(ok())
}

/** SSL context 1 checks the server against `ca.pem` (authmode 1) and FTPS uses it. */
async function verifyWith(h: WireHarness, pem: string): Promise<void> {
  await downloadCa(h, 'ca.pem', pem)
  await h.command('AT+CSSLCFG="authmode",1,1', ok(), false)
  await h.command('AT+CSSLCFG="cacert",1,"ca.pem"', ok(), false)
  await h.command('AT+CFTPSSSLCFG=1', ok(), false)
}

t.test('explicit FTPS with AUTH TLS (2) and AUTH SSL (1), the server verified against the downloaded CA', async t => {
  for (const serverType of [2, 1]) {
    const rig = await startFtpRig(t, { resolve: [] })
    const { h, server } = rig
    await verifyWith(h, server.ca)
    await commandThenUrc(h, 'AT+CFTPSSTART', '+CFTPSSTART: 0')
    await commandThenUrc(
      h,
      `AT+CFTPSLOGIN="127.0.0.1",${server.port},"${server.user}","${server.password}",${serverType}`,
      '+CFTPSLOGIN: 0',
    )
    await h.command(
      'AT+CFTPSGET="/pub/hello.txt"',
      ok() + '\r\n+CFTPSGET: DATA,26\r\nHello from the FTP server.\r\n+CFTPSGET: 0\r\n',
      false,
    )
    await commandThenUrc(h, 'AT+CFTPSLOGOUT', '+CFTPSLOGOUT: 0')
  }
})

t.test('implicit FTPS (3) on the mapped port 990 uploads over a protected data channel', async t => {
  const rig = await startFtpRig(t)
  const { h, server } = rig
  await h.command('AT+CSSLCFG="authmode",0,0', ok(), false)
  await logIn(rig, 3, 990)
  await h.command('AT+CFTPSPUT="/upload/tls.txt",6', '\r\n>', false)
  h.write('secret')
  await h.expect(ok() + '\r\n+CFTPSPUT: 0\r\n')
  t.equal(server.events()[0]?.body.toString(), 'secret')
})

t.test('a server signed by another CA fails the login as an SSL alert (1); a missing CA file too', async t => {
  const rig = await startFtpRig(t)
  const { h, server } = rig
  await commandThenUrc(h, 'AT+CFTPSSTART', '+CFTPSSTART: 0')
  await h.command('AT+CSSLCFG="authmode",1,1', ok(), false)
  await h.command('AT+CSSLCFG="cacert",1,"ca.pem"', ok(), false)
  await h.command('AT+CFTPSSSLCFG=1', ok(), false)
  const login = `AT+CFTPSLOGIN="localhost",21,"${server.user}","${server.password}",2`
  await commandThenUrc(h, login, '+CFTPSLOGIN: 1')
  t.match(h.modem.notes.join('\n'), /certificate/)
  const other = await createTestCertificates({ hostnames: ['localhost'] })
  await downloadCa(h, 'ca.pem', other.ca)
  await commandThenUrc(h, login, '+CFTPSLOGIN: 1')
  await downloadCa(h, 'ca.pem', server.ca)
  await commandThenUrc(h, login, '+CFTPSLOGIN: 0')
  await h.command(login, error(), false)
})

t.test('the server going away ends the session with +CFTPSNOTIFY', async t => {
  const rig = await startFtpRig(t)
  const { h, server } = rig
  await logIn(rig)
  await server.close()
  await h.expect('\r\n+CFTPSNOTIFY: PEER CLOSED\r\n', 5000)
  await h.command('AT+CFTPSPWD', error(), false)
})
