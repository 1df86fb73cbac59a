/** `atseq sim` serves the simulator with the embedded broker beside it; `atseq broker` prints a CA file to trust. */
import t, { type Test } from 'tap'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { findTool, requireTool } from '../helpers/system-tool.js'

const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url))

/** Starts an atseq command in the background, stopped with SIGTERM when the test ends; resolves its output once `until` matches. */
function startAtseq(t: Test, args: string[], until: RegExp): Promise<{ output: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
  t.teardown(async () => {
    if (child.exitCode === null) child.kill('SIGTERM')
    await exited
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`no ${until} in: ${output}`)), 20_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      if (!until.test(output)) return
      clearTimeout(deadline)
      resolve({ output, exited })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
  })
}

t.test('atseq sim serves its broker: mosquitto clients reach it over TLS with the printed CA', async t => {
  if (!requireTool(t, 'mosquitto_sub') || !requireTool(t, 'mosquitto_pub')) return
  const { output } = await startAtseq(t, ['sim', '--listen', 'tcp://127.0.0.1:0'], /^CA (\S+) /m)
  t.match(output, /^simcom-a76xx listening on tcp:\/\/127\.0\.0\.1:\d+\n/)
  const ca = /^CA (\S+) /m.exec(output)?.[1] ?? ''
  const tlsPort = /broker mqtts:\/\/127\.0\.0\.1:(\d+) \(TLS\)/.exec(output)?.[1] ?? ''
  t.ok(existsSync(ca), 'the CA file exists')
  const tls = ['--cafile', ca, '-h', '127.0.0.1', '-p', tlsPort]
  const sub = spawn(findTool('mosquitto_sub') ?? 'mosquitto_sub', [...tls, '-t', 'atseq/test', '-C', '1', '-W', '15', '-v'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let received = ''
  sub.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()))
  const subEnded = new Promise<number | null>(resolve => sub.once('exit', resolve))
  // mosquitto_sub gives no sign once it is subscribed: publish retained, so the order does not matter.
  const pub = spawnSync(findTool('mosquitto_pub') ?? 'mosquitto_pub', [...tls, '-t', 'atseq/test', '-m', 'hello', '-r'], {
    encoding: 'utf8',
    timeout: 15_000,
  })
  t.equal(pub.status, 0, pub.stderr)
  t.equal(await subEnded, 0)
  t.equal(received.trim(), 'atseq/test hello')
})

t.test('atseq sim --no-broker serves the simulator alone', async t => {
  const { output } = await startAtseq(t, ['sim', '--no-broker', '--listen', 'tcp://127.0.0.1:0'], /listening on tcp:\/\/127\.0\.0\.1:\d+\n/)
  await new Promise(resolve => setTimeout(resolve, 300))
  t.notMatch(output, /broker/)
})

t.test('atseq broker without --cert-dir writes its CA to a temporary folder and says where', async t => {
  const { output } = await startAtseq(t, ['broker', '--port', '0', '--tls-port', '0', '--mtls-port', '0'], /listening:/)
  const ca = /CA (\S+\/ca\.pem)/.exec(output)?.[1] ?? ''
  t.ok(ca !== '' && existsSync(ca), `the CA is at ${ca}`)
})
