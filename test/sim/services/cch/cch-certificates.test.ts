/**
 * TLS sessions verifying the server and presenting a client certificate, against the real TLS server's two ports,
 * written from the A76XX SSL application note (3.3 only verify the server, 3.4 verify server and client, 4.1.1
 * codes: 15 handshake error, 19 certificates not set) and the module's AT+CSSLCFG context as AT+CCHSSLCFG binds it.
 */
import t from 'tap'
import { ok, urc } from '../../wire-harness.js'
import { bootWithServers, downloadFile, readCertificates, receivedBy, startCch } from './cch-harness.js'

t.test('authmode 1: the right CA verifies the server (0); no CA file set is 19; a foreign CA fails the handshake (15)', async t => {
  const { h, tls } = await bootWithServers(t)
  const pem = await readCertificates()
  await downloadFile(h, 'ca_cert.pem', pem.ca)
  await downloadFile(h, 'wrong_ca.pem', pem.wrongCa)
  await h.command('AT+CSSLCFG="authmode",1,1', ok(), false)
  await startCch(h)
  await h.command('AT+CCHSSLCFG=0,1', ok(), false)
  await h.command('AT+CCHOPEN=0,"localhost",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,19'))
  await h.command('AT+CSSLCFG="cacert",1,"wrong_ca.pem"', ok(), false)
  await h.command('AT+CCHOPEN=0,"localhost",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,15'))
  await h.command('AT+CSSLCFG="cacert",1,"ca_cert.pem"', ok(), false)
  await h.command('AT+CCHOPEN=0,"localhost",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,0'))
  h.write('AT+CCHSEND=0,8\r')
  await h.expect('\r\n>')
  h.write('verified')
  await h.expect(ok() + '\r\n+CCHRECV: DATA,0,8\r\nverified')
  t.equal(receivedBy(tls), 'verified')
})

t.test('authmode 1 checks the name as AT+CCHOPEN wrote it: 127.0.0.1 is on the certificate, another name is not', async t => {
  const { h } = await bootWithServers(t)
  const pem = await readCertificates()
  await downloadFile(h, 'ca_cert.pem', pem.ca)
  await h.command('AT+CSSLCFG="authmode",0,1', ok(), false)
  await h.command('AT+CSSLCFG="cacert",0,"ca_cert.pem"', ok(), false)
  await startCch(h)
  // Without AT+CCHSSLCFG the session uses the SSL context of its own number (0).
  await h.command('AT+CCHOPEN=0,"tls.example.com",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,15'))
  t.match(h.modem.notes.at(-1), /not for tls\.example\.com/)
  await h.command('AT+CCHOPEN=0,"127.0.0.1",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,0'))
  await h.command('AT+CCHCLOSE=0', ok() + urc('+CCHCLOSE: 0,0'), false)
  await h.command('AT+CSSLCFG="authmode",0,0', ok(), false)
  await h.command('AT+CCHOPEN=0,"tls.example.com",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,0'))
})

t.test('mutual TLS: without a client certificate the server refuses the handshake (15); with one it accepts (0)', async t => {
  const { h, tls } = await bootWithServers(t)
  const pem = await readCertificates()
  await downloadFile(h, 'ca_cert.pem', pem.ca)
  await downloadFile(h, 'client_cert.pem', pem.clientCert)
  await downloadFile(h, 'client_key.pem', pem.clientKey)
  await h.command('AT+CSSLCFG="authmode",0,1', ok(), false)
  await h.command('AT+CSSLCFG="cacert",0,"ca_cert.pem"', ok(), false)
  await h.command('AT+CCHSET=1', ok(), false)
  await startCch(h)
  await h.command('AT+CCHSSLCFG=0,0', ok(), false)
  await h.command('AT+CCHOPEN=0,"localhost",7444,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,15'))
  await h.command('AT+CSSLCFG="authmode",0,2', ok(), false)
  await h.command('AT+CCHOPEN=0,"localhost",7444,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,19'))
  await h.command('AT+CSSLCFG="clientcert",0,"client_cert.pem"', ok(), false)
  await h.command('AT+CSSLCFG="clientkey",0,"client_key.pem"', ok(), false)
  await h.command('AT+CCHOPEN=0,"localhost",7444,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,0'))
  h.write('AT+CCHSEND=0,6\r')
  await h.expect('\r\n>')
  h.write('mutual')
  await h.expect(ok() + urc('+CCHSEND: 0,0') + '\r\n+CCHRECV: DATA,0,6\r\nmutual')
  t.equal(receivedBy(tls), 'mutual')
  t.equal(tls.connections().length, 1, 'only the accepted client became a connection')
})
