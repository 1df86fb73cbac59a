/**
 * The HTTP(S) service against servers atseq did not write: Python's http.server (HTTP/1.0, Content-Length) and
 * `openssl s_server -WWW` (HTTPS, a body ended by the connection closing). Both are started by the test on
 * 127.0.0.1 and stopped after it. Under CI=true a missing tool fails the test; elsewhere it is a visible skip.
 */
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { getSharedTestCertificates, DEFAULT_BROKER_HOSTNAMES } from '../../../../src/servers/broker/test-certificates.js'
import { findTool, requireTool } from '../../../helpers/system-tool.js'
import { stopChild } from '../../../helpers/stop-child.js'
import { ok, urc, WireHarness } from '../../wire-harness.js'
import { readBlocks, startSession } from './http-harness.js'

/** Spawns `command args` and resolves with the port its output names (`pattern`'s first group) within 5 s. */
function startListening(t: Test, command: string, args: string[], cwd: string, pattern: RegExp): Promise<number> {
  const child = spawn(findTool(command)!, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  t.teardown(() => stopChild(child))
  let log = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not listen within 5 s: ${log}`)), 5000)
    const read = (bytes: Buffer): void => {
      log += bytes.toString()
      const match = pattern.exec(log)
      if (match === null) return
      clearTimeout(timer)
      resolve(Number(match[1]))
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.once('exit', code => reject(new Error(`${command} exited with ${code}: ${log}`)))
  })
}

async function bootTo(t: Test, host: string, port: number, to: number): Promise<WireHarness> {
  const h = await WireHarness.boot({ echo: false, resolve: [{ host, port, to: { host: '127.0.0.1', port: to } }] })
  t.teardown(() => h.close())
  return h
}

t.test("Python's http.server: a file holding CRLF OK CRLF comes back by length; a POST it cannot do is its 501", async t => {
  if (!requireTool(t, 'python3')) return
  const dir = t.testdir({ 'note.txt': 'one\r\nOK\r\ntwo', 'big.bin': Buffer.alloc(3000, 0x41) })
  const port = await startListening(t, 'python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1', '0'], dir, /port (\d+)/)
  const h = await bootTo(t, 'files.example.com', 80, port)
  await startSession(h, 'http://files.example.com/note.txt')
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,200,12'))
  await h.command('AT+HTTPREAD=0,12', ok() + readBlocks('one\r\nOK\r\ntwo'), false)
  await h.command('AT+HTTPPARA="URL","http://files.example.com/big.bin"', ok(), false)
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,200,3000'))
  await h.command('AT+HTTPREAD=0,3000', ok() + readBlocks('A'.repeat(3000)), false)
  await h.command('AT+HTTPACTION=1', ok(), false)
  await h.readUntil('+HTTPACTION: 1,501,')
})

t.test('openssl s_server -WWW: HTTPS verified against its CA, a body that ends when the server closes', async t => {
  if (!requireTool(t, 'openssl')) return
  const certificates = await getSharedTestCertificates({ hostnames: [...DEFAULT_BROKER_HOSTNAMES] })
  const dir = t.testdir({ 'page.txt': 'served by openssl\r\nOK\r\n' })
  writeFileSync(join(dir, 'cert.pem'), certificates.serverCert)
  writeFileSync(join(dir, 'key.pem'), certificates.serverKey)
  const args = ['s_server', '-accept', '127.0.0.1:0', '-cert', 'cert.pem', '-key', 'key.pem', '-WWW', '-naccept', '4']
  const port = await startListening(t, 'openssl', args, dir, /ACCEPT [^\n]*:(\d+)/)
  const h = await bootTo(t, 'localhost', 443, port)
  h.write(`AT+CCERTDOWN="ca.pem",${Buffer.byteLength(certificates.ca)}\r`)
  await h.expect('\r\n>')
  h.write(certificates.ca)
  await h.expect(ok())
  await h.command('AT+CSSLCFG="authmode",0,1', ok(), false)
  await h.command('AT+CSSLCFG="cacert",0,"ca.pem"', ok(), false)
  await startSession(h, 'https://localhost/page.txt')
  await h.command('AT+HTTPACTION=0', ok(), false)
  await h.expect(urc('+HTTPACTION: 0,200,23'), 5000)
  await h.command('AT+HTTPREAD=0,23', ok() + readBlocks('served by openssl\r\nOK\r\n'), false)
})
