/**
 * The simulated modem's TCP links against socat, a peer atseq did not write: an echo (PIPE) and a server that
 * greets and hangs up. Under CI=true a missing socat fails the test; elsewhere it is a visible skip.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import t, { type Test } from 'tap'
import { findTool, requireTool } from '../../../helpers/system-tool.js'
import { stopChild } from '../../../helpers/stop-child.js'
import { ok, urc, WireHarness } from '../../wire-harness.js'

/** Starts `socat -d -d TCP-LISTEN:0,bind=127.0.0.1,<opts> <peer>` and resolves with the port it listens on. */
async function startSocat(t: Test, listenOptions: string, peer: string): Promise<number> {
  const child: ChildProcess = spawn(findTool('socat')!, ['-d', '-d', `TCP-LISTEN:0,bind=127.0.0.1,${listenOptions}`, peer], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  t.teardown(() => stopChild(child))
  let log = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socat did not listen within 5 s: ${log}`)), 5000)
    child.stderr?.on('data', (bytes: Buffer) => {
      log += bytes.toString()
      const match = /listening on AF=2 127\.0\.0\.1:(\d+)/.exec(log)
      if (match === null) return
      clearTimeout(timer)
      resolve(Number(match[1]))
    })
    child.once('exit', code => reject(new Error(`socat exited with ${code}: ${log}`)))
  })
}

async function bootTo(t: Test, port: number): Promise<WireHarness> {
  const h = await WireHarness.boot({ echo: false, resolve: [{ host: 'peer.example.com', port: 7, to: { host: '127.0.0.1', port } }] })
  t.teardown(() => h.close())
  await h.command('AT+NETOPEN', ok() + urc('+NETOPEN: 0'), false)
  await h.command('AT+CIPOPEN=0,"TCP","peer.example.com",7', ok(), false)
  await h.expect(urc('+CIPOPEN: 0,0'))
  return h
}

t.test('socat echoes a payload holding CRLF OK CRLF; it comes back announced by length', async t => {
  if (!requireTool(t, 'socat')) return
  const h = await bootTo(t, await startSocat(t, 'fork,reuseaddr', 'PIPE'))
  const payload = 'x\r\nOK\r\ny'
  h.write(`AT+CIPSEND=0,${payload.length}\r`)
  await h.expect('\r\n>')
  h.write(payload)
  await h.expect(ok() + urc(`+CIPSEND: 0,${payload.length},${payload.length}`))
  await h.expect(`\r\nRECV FROM:peer.example.com:7\r\n+IPD${payload.length}\r\n${payload}`)
  await h.command('AT+CIPCLOSE=0', ok() + urc('+CIPCLOSE: 0,0'), false)
})

t.test('a socat server that greets and hangs up: the greeting is pushed, then +IPCLOSE: 0,1', async t => {
  if (!requireTool(t, 'socat')) return
  const h = await bootTo(t, await startSocat(t, 'reuseaddr', 'SYSTEM:printf greeting'))
  await h.expect('\r\nRECV FROM:peer.example.com:7\r\n+IPD8\r\ngreeting')
  await h.expect(urc('+IPCLOSE: 0,1'))
  await h.command('AT+CIPCLOSE?', ok('+CIPCLOSE: 0,0,0,0,0,0,0,0,0,0'), false)
})
