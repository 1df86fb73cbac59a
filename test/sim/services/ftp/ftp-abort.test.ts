/**
 * AT+CFTPSABORT against a server that starts a download and never finishes it: the abort (ABOR) ends the transfer,
 * the download reports a transfer failure (6), and the session stays usable.
 */
import t from 'tap'
import { error, ok } from '../../wire-harness.js'
import { commandThenUrc } from './ftp-harness.js'
import { startStalledDownload } from './stalling-ftp-server.js'

t.test('AT+CFTPSABORT ends a stalled download with +CFTPSGET: 6 and keeps the session', async t => {
  const h = await startStalledDownload(t)
  await h.command('AT+CFTPSPWD', error(), false)
  await h.command('AT+CFTPSABORT', ok(), false)
  await h.expect('\r\n+CFTPSGET: 6\r\n', 5000)
  t.match(h.modem.notes.join('\n'), /aborted by AT\+CFTPSABORT/)
  await commandThenUrc(h, 'AT+CFTPSPWD', '+CFTPSPWD: "/"')
})
