/**
 * The network going away under an FTP session: the session ends without QUIT and the service is stopped, so a
 * login needs AT+CFTPSSTART again; an operation still running reports the network error (10).
 */
import t from 'tap'
import { WireHarness, error, ok } from '../../wire-harness.js'
import { commandThenUrc, logIn, startFtpRig } from './ftp-harness.js'
import { startStalledDownload, startStallingServerFor } from './stalling-ftp-server.js'

for (const profile of ['simcom-a76xx', 'simcom-sim7600'] as const) {
  t.test(`${profile}: an idle session ends silently; LOGIN needs START, START needs the network back`, async t => {
    const rig = await startFtpRig(t, { profile })
    const { h, server } = rig
    await logIn(rig)
    h.modem.dropNetwork()
    await new Promise(resolve => setTimeout(resolve, 200))
    t.equal(h.pending(), '', 'no URC for an idle session')
    await h.command('AT+CFTPSPWD', error(), false)
    await h.command(`AT+CFTPSLOGIN="ftp.example.com",21,"${server.user}","${server.password}",0`, error(), false)
    await h.command('AT+CFTPSSTOP', error(), false)
    await commandThenUrc(h, 'AT+CFTPSSTART', '+CFTPSSTART: 10')
    h.modem.restoreNetwork()
    await logIn(rig)
    await commandThenUrc(h, 'AT+CFTPSPWD', '+CFTPSPWD: "/"')
  })
}

t.test('a download still running ends with +CFTPSGET: 10, not as a closed connection', async t => {
  const h = await startStalledDownload(t)
  h.modem.dropNetwork()
  await h.expect('\r\n+CFTPSGET: 10\r\n', 5000)
  await h.command('AT+CFTPSPWD', error(), false)
})

t.test('a login still running when the network goes reports 10 and keeps no session', async t => {
  const stalling = await startStallingServerFor(t)
  const h = await WireHarness.boot({ echo: false, resolve: [{ host: '*', port: 21, to: { host: '127.0.0.1', port: stalling.port } }] })
  t.teardown(() => h.close())
  await commandThenUrc(h, 'AT+CFTPSSTART', '+CFTPSSTART: 0')
  await h.command('AT+CFTPSLOGIN="ftp.example.com",21,"u","p",0', ok(), false)
  h.modem.dropNetwork()
  await h.expect('\r\n+CFTPSLOGIN: 10\r\n', 5000)
  h.modem.restoreNetwork()
  await h.command('AT+CFTPSPWD', error(), false)
})
