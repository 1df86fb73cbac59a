import t, { type Test } from 'tap'
import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { startMosquitto } from './mosquitto.js'
import { findTool, requireTool } from './system-tool.js'
import { stopChild } from './stop-child.js'

const run = promisify(execFile)
const CLIENT_TIMEOUT_S = '5'

async function writeCaFile(t: Test, ca: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'atseq-ca-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const path = join(dir, 'ca.pem')
  await writeFile(path, ca)
  return path
}

t.test('mosquitto_pub to mosquitto_sub through a real Mosquitto over TLS', async t => {
  if (!requireTool(t, 'mosquitto') || !requireTool(t, 'mosquitto_sub') || !requireTool(t, 'mosquitto_pub')) return
  const mosquitto = await startMosquitto({ tls: true })
  t.teardown(() => mosquitto.stop())
  t.ok(mosquitto.tlsPort)
  const caFile = await writeCaFile(t, mosquitto.ca ?? '')
  const tls = ['-h', 'localhost', '-p', String(mosquitto.tlsPort), '--cafile', caFile]
  // -C 1 -W: exit 0 after one message, or non-zero after the timeout.
  const sub = spawn(findTool('mosquitto_sub') ?? 'mosquitto_sub', [...tls, '-t', 'dddrrrggghhhk', '-C', '1', '-W', CLIENT_TIMEOUT_S, '-v'])
  t.teardown(() => stopChild(sub))
  let out = ''
  sub.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
  })
  const exited = once(sub, 'exit')
  // mosquitto_sub prints nothing once subscribed; a retained publish reaches it whether it subscribed before or after.
  await run(findTool('mosquitto_pub') ?? 'mosquitto_pub', [...tls, '-t', 'dddrrrggghhhk', '-m', 'over tls', '-q', '1', '-r'])
  const [code] = (await exited) as [number | null]
  t.equal(code, 0, 'mosquitto_sub got its message')
  t.equal(out.trim(), 'dddrrrggghhhk over tls')
})

t.test('plain listener only without tls; stop frees the port', async t => {
  if (!requireTool(t, 'mosquitto')) return
  const mosquitto = await startMosquitto()
  t.equal(mosquitto.tlsPort, undefined)
  t.equal(mosquitto.ca, undefined)
  await Promise.all([mosquitto.stop(), mosquitto.stop()])
  const refused = await new Promise<boolean>(resolve => {
    const socket = connect(mosquitto.port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(true))
  })
  t.equal(refused, true, 'nothing listens after stop')
})
