/**
 * The simulated modem's TLS sessions against `openssl s_server`, a TLS server atseq did not write, on loopback with
 * the test CA's server certificate: data both ways, the server hanging up, a CA that did not sign it, and a server
 * that requires a client certificate. Under CI=true a missing openssl fails the test; elsewhere it is a visible skip.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { findTool, requireTool } from '../../../helpers/system-tool.js'
import { stopChild } from '../../../helpers/stop-child.js'
import { ok, urc, WireHarness } from '../../wire-harness.js'
import { downloadFile, readCertificates, startCch } from './cch-harness.js'
import { DEFAULT_BROKER_HOSTNAMES, getSharedTestCertificates } from '../../../../src/servers/broker/index.js'

interface OpenSslServer {
  port: number
  /** Everything s_server printed: its notes and the bytes the client sent. */
  output(): string
  /** Types a line at s_server, which sends it to the client (`q` alone ends the connection). */
  type(line: string): void
}

/** Starts `openssl s_server` on 127.0.0.1 with an ephemeral port; it is killed when the test ends. */
async function startOpenSsl(t: Test, extra: string[] = []): Promise<OpenSslServer> {
  const dir = t.testdir({})
  const certificates = await getSharedTestCertificates({ hostnames: [...DEFAULT_BROKER_HOSTNAMES] })
  const file = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text)
    return join(dir, name)
  }
  const args = ['s_server', '-accept', '127.0.0.1:0', '-cert', file('cert.pem', certificates.serverCert)]
  args.push('-key', file('key.pem', certificates.serverKey), '-CAfile', file('ca.pem', certificates.ca), ...extra)
  const child: ChildProcess = spawn(findTool('openssl')!, args, { stdio: ['pipe', 'pipe', 'pipe'] })
  t.teardown(() => stopChild(child))
  let log = ''
  child.stdout?.on('data', (bytes: Buffer) => (log += bytes.toString('latin1')))
  child.stderr?.on('data', (bytes: Buffer) => (log += bytes.toString('latin1')))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`openssl s_server did not listen within 5 s: ${log}`)), 5000)
    const check = (): void => {
      const match = /ACCEPT 127\.0\.0\.1:(\d+)/.exec(log)
      if (match === null) return
      clearTimeout(timer)
      resolve(Number(match[1]))
    }
    child.stdout?.on('data', check)
    child.once('exit', code => reject(new Error(`openssl s_server exited with ${code}: ${log}`)))
  })
  return { port, output: () => log, type: line => child.stdin?.write(`${line}\n`) }
}

async function bootTo(t: Test, port: number): Promise<WireHarness> {
  const h = await WireHarness.boot({ echo: false, resolve: [{ host: 'localhost', port: 4433, to: { host: '127.0.0.1', port } }] })
  t.teardown(() => h.close())
  return h
}

async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 3000; waited += 10) await new Promise(resolve => setTimeout(resolve, 10))
}

t.test('s_server verified against the CA: data both ways, then it hangs up (+CCH_PEER_CLOSED)', async t => {
  if (!requireTool(t, 'openssl')) return
  const server = await startOpenSsl(t)
  const h = await bootTo(t, server.port)
  const pem = await readCertificates()
  await downloadFile(h, 'ca_cert.pem', pem.ca)
  await h.command('AT+CSSLCFG="authmode",0,1', ok(), false)
  await h.command('AT+CSSLCFG="cacert",0,"ca_cert.pem"', ok(), false)
  await h.command('AT+CCHSET=1', ok(), false)
  await startCch(h)
  await h.command('AT+CCHOPEN=0,"localhost",4433,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,0'), 5000)
  const payload = 'to openssl\r\nOK\r\n'
  h.write(`AT+CCHSEND=0,${payload.length}\r`)
  await h.expect('\r\n>')
  h.write(payload)
  await h.expect(ok() + urc('+CCHSEND: 0,0'))
  await until(() => server.output().includes(payload))
  t.ok(server.output().includes(payload), 's_server printed what the modem sent')
  server.type('from openssl')
  await h.expect('\r\n+CCHRECV: DATA,0,13\r\nfrom openssl\n', 5000)
  server.type('q')
  await h.expect(urc('+CCH_PEER_CLOSED: 0'), 5000)
  await h.command('AT+CCHOPEN?', ok('+CCHOPEN: 0,"",,,', '+CCHOPEN: 1,"",,,'), false)
})

t.test('s_server with a CA that did not sign it: the handshake fails (+CCHOPEN: 0,15)', async t => {
  if (!requireTool(t, 'openssl')) return
  const server = await startOpenSsl(t)
  const h = await bootTo(t, server.port)
  const pem = await readCertificates()
  await downloadFile(h, 'wrong_ca.pem', pem.wrongCa)
  await h.command('AT+CSSLCFG="authmode",0,1', ok(), false)
  await h.command('AT+CSSLCFG="cacert",0,"wrong_ca.pem"', ok(), false)
  await startCch(h)
  await h.command('AT+CCHOPEN=0,"localhost",4433,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,15'), 5000)
})

t.test('s_server requiring a client certificate: refused without one (15), accepted with one (0)', async t => {
  if (!requireTool(t, 'openssl')) return
  const server = await startOpenSsl(t, ['-Verify', '1', '-verify_return_error'])
  const h = await bootTo(t, server.port)
  const pem = await readCertificates()
  await downloadFile(h, 'ca_cert.pem', pem.ca)
  await downloadFile(h, 'client_cert.pem', pem.clientCert)
  await downloadFile(h, 'client_key.pem', pem.clientKey)
  await h.command('AT+CSSLCFG="authmode",0,1', ok(), false)
  await h.command('AT+CSSLCFG="cacert",0,"ca_cert.pem"', ok(), false)
  await startCch(h)
  await h.command('AT+CCHOPEN=0,"localhost",4433,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,15'), 5000)
  await h.command('AT+CSSLCFG="authmode",0,2', ok(), false)
  await h.command('AT+CSSLCFG="clientcert",0,"client_cert.pem"', ok(), false)
  await h.command('AT+CSSLCFG="clientkey",0,"client_key.pem"', ok(), false)
  await h.command('AT+CCHOPEN=0,"localhost",4433,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,0'), 5000)
  h.write('AT+CCHSEND=0,6\r')
  await h.expect('\r\n>')
  h.write('mutual')
  await h.expect(ok())
  await until(() => server.output().includes('mutual'))
  t.ok(server.output().includes('mutual'), 's_server accepted the client certificate and printed the data')
})
