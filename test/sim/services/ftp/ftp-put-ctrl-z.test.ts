/**
 * AT+CFTPSPUT="<path>" without a length, byte by byte as the FTPS chapter gives it: `>`, the bytes up to Ctrl-Z
 * (0x1A) are the file, `OK` then `+CFTPSPUT: 0`; ESC (0x1B) gives up with `OK` and uploads nothing.
 */
import t from 'tap'
import { error, ok } from '../../wire-harness.js'
import { logIn, startFtpRig } from './ftp-harness.js'

for (const profile of ['simcom-a76xx', 'simcom-sim7600'] as const) {
  t.test(`${profile}: the bytes before Ctrl-Z are the file, split input or not`, async t => {
    const rig = await startFtpRig(t, { profile })
    const { h, server } = rig
    await logIn(rig)
    await h.command('AT+CFTPSPUT="/upload/typed.txt"', '\r\n>', false)
    h.write(Buffer.from('line 1\r\nOK\r\nend\x1a', 'latin1'), 2)
    await h.expect(ok() + '\r\n+CFTPSPUT: 0\r\n')
    t.match(server.events(), [{ server: 'ftp', kind: 'file', path: '/upload/typed.txt' }])
    t.equal(server.events()[0]?.body.toString('latin1'), 'line 1\r\nOK\r\nend', 'Ctrl-Z ends the data and is not sent')
    await h.command('AT+CFTPSPWD', ok() + '\r\n+CFTPSPWD: "/"\r\n', false)
  })
}

t.test('ESC gives up with OK: nothing reaches the server, and the session goes on', async t => {
  const rig = await startFtpRig(t)
  const { h, server } = rig
  await logIn(rig)
  await h.command('AT+CFTPSPUT="/upload/never.txt"', '\r\n>', false)
  h.write(Buffer.from('half typed\x1b', 'latin1'))
  await h.expect(ok())
  await h.command('AT+CFTPSSIZE="/upload/never.txt"', ok() + '\r\n+CFTPSSIZE: 550\r\n', false)
  t.same(server.events(), [], 'no upload happened')
})

t.test('more than 10240 bytes without Ctrl-Z gives up with ERROR; without a session the command is ERROR', async t => {
  const rig = await startFtpRig(t)
  const { h, server } = rig
  await h.command('AT+CFTPSPUT="/upload/a.txt"', error(), false)
  await logIn(rig)
  await h.command('AT+CFTPSPUT="/upload/big.txt"', '\r\n>', false)
  h.write(Buffer.alloc(10241, 0x41))
  await h.expect(error())
  t.same(server.events(), [])
  await h.command('AT+CFTPSPUT="/upload/a.txt",5,2,9', error(), false)
})
