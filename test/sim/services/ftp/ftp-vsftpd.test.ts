/**
 * The FTP(S) service against a real, non-atseq server: vsftpd on loopback with its own config, anonymous users,
 * passive mode and explicit FTPS. Byte-level, written from the manual like the tests against atseq's server.
 */
import t, { type Test } from 'tap'
import { requireTool } from '../../../helpers/system-tool.js'
import { startVsftpd, VSFTPD_HELLO, type RunningVsftpd } from '../../../helpers/vsftpd.js'
import { WireHarness, ok } from '../../wire-harness.js'
import { commandThenUrc } from './ftp-harness.js'

async function bootAgainst(t: Test, server: RunningVsftpd): Promise<WireHarness> {
  const h = await WireHarness.boot({ echo: false, resolve: [{ host: '*', port: 21, to: { host: server.host, port: server.port } }] })
  t.teardown(() => h.close())
  return h
}

const hello = `\r\n+CFTPSGET: DATA,${VSFTPD_HELLO.length}\r\n${VSFTPD_HELLO}\r\n+CFTPSGET: 0\r\n`

t.test('plain FTP against vsftpd: list, download to the port and the file system, upload from the prompt', async t => {
  if (!requireTool(t, 'vsftpd')) return
  const server = await startVsftpd()
  t.teardown(() => server.stop())
  const h = await bootAgainst(t, server)
  await commandThenUrc(h, 'AT+CFTPSSTART', '+CFTPSSTART: 0')
  await commandThenUrc(h, 'AT+CFTPSLOGIN="ftp.example.com",21,"anonymous","atseq@example.com",0', '+CFTPSLOGIN: 0')
  await commandThenUrc(h, 'AT+CFTPSPWD', '+CFTPSPWD: "/"')
  await h.command('AT+CFTPSLIST="/pub"', ok(), false)
  const listing = await h.readUntil('+CFTPSLIST: 0\r\n', 10_000)
  t.match(listing, /^\r\n\+CFTPSLIST: DATA,\d+\r\n-rw-r--r-- .* hello\.txt\r\n\r\n\+CFTPSLIST: 0\r\n$/)
  await h.command('AT+CFTPSGET="/pub/hello.txt"', ok() + hello, false)
  await commandThenUrc(h, 'AT+CFTPSGETFILE="/pub/hello.txt"', '+CFTPSGETFILE: 0')
  await h.command('AT+FSATTRI="hello.txt"', ok(`+FSATTRI: ${VSFTPD_HELLO.length}`), false)
  await h.command('AT+CFTPSPUT="/upload/typed.txt",9', '\r\n>', false)
  h.write('typed\r\nOK')
  await h.expect(ok() + '\r\n+CFTPSPUT: 0\r\n', 10_000)
  await commandThenUrc(h, 'AT+CFTPSSIZE="/upload/typed.txt"', '+CFTPSSIZE: 9')
  await commandThenUrc(h, 'AT+CFTPSGET="/pub/none.txt"', '+CFTPSGET: 550')
  await commandThenUrc(h, 'AT+CFTPSLOGOUT', '+CFTPSLOGOUT: 0')
  await commandThenUrc(h, 'AT+CFTPSSTOP', '+CFTPSSTOP: 0')
})

t.test('explicit FTPS (AUTH TLS) against vsftpd, its certificate verified against the downloaded CA', async t => {
  if (!requireTool(t, 'vsftpd')) return
  const server = await startVsftpd()
  t.teardown(() => server.stop())
  const h = await bootAgainst(t, server)
  await h.command(`AT+CCERTDOWN="ca.pem",${Buffer.byteLength(server.ca)}`, '\r\n>', false)
  h.write(server.ca)
  await h.expect(ok())
  await h.command('AT+CSSLCFG="authmode",0,1', ok(), false)
  await h.command('AT+CSSLCFG="cacert",0,"ca.pem"', ok(), false)
  await commandThenUrc(h, 'AT+CFTPSSTART', '+CFTPSSTART: 0')
  await commandThenUrc(h, 'AT+CFTPSLOGIN="localhost",21,"anonymous","x",2', '+CFTPSLOGIN: 0')
  await h.command('AT+CFTPSGET="/pub/hello.txt"', ok() + hello, false)
  await commandThenUrc(h, 'AT+CFTPSLOGOUT', '+CFTPSLOGOUT: 0')
  await commandThenUrc(h, 'AT+CFTPSLOGIN="ftp.example.com",21,"anonymous","x",2', '+CFTPSLOGIN: 1')
  t.match(h.modem.notes.join('\n'), /ftp\.example\.com/, 'the certificate does not cover the name the module was given')
})
