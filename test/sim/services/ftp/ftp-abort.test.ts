/**
 * AT+CFTPSABORT against a server that starts a download and never finishes it: the abort (ABOR) ends the transfer,
 * the download reports a transfer failure (6), and the session stays usable.
 */
import t from 'tap'
import { WireHarness, error, ok } from '../../wire-harness.js'
import { commandThenUrc } from './ftp-harness.js'
import { startStallingServerFor } from './stalling-ftp-server.js'

t.test('AT+CFTPSABORT ends a stalled download with +CFTPSGET: 6 and keeps the session', async t => {
  const stalling = await startStallingServerFor(t)
  const h = await WireHarness.boot({ echo: false, resolve: [{ host: '*', port: 21, to: { host: '127.0.0.1', port: stalling.port } }] })
  t.teardown(() => h.close())
  await commandThenUrc(h, 'AT+CFTPSSTART', '+CFTPSSTART: 0')
  await commandThenUrc(h, 'AT+CFTPSLOGIN="ftp.example.com",21,"u","p",0', '+CFTPSLOGIN: 0')
  await h.command('AT+CFTPSGET="/big.bin"', ok(), false)
  await new Promise(resolve => setTimeout(resolve, 200))
  await h.command('AT+CFTPSPWD', error(), false)
  await h.command('AT+CFTPSABORT', ok(), false)
  await h.expect('\r\n+CFTPSGET: 6\r\n', 5000)
  t.match(h.modem.notes.join('\n'), /aborted by AT\+CFTPSABORT/)
  await commandThenUrc(h, 'AT+CFTPSPWD', '+CFTPSPWD: "/"')
})
