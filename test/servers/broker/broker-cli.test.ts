import t, { type Test } from 'tap'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { connectAsync } from 'mqtt'

const MAIN = fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url))
const WAIT_MS = 10_000

interface BrokerProcess {
  child: ChildProcessWithoutNullStreams
  /** Resolves with the first stdout line matching `pattern`, or rejects when the process exits or after WAIT_MS. */
  waitForLine(pattern: RegExp): Promise<RegExpMatchArray>
  stdout(): string
  stderr(): string
}

function spawnBroker(t: Test, args: string[]): BrokerProcess {
  const child = spawn(process.execPath, [MAIN, 'broker', ...args], { stdio: 'pipe' })
  t.teardown(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  let out = ''
  let err = ''
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString()
  })
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
  })
  const waitForLine = (pattern: RegExp): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = out
          .split('\n')
          .map(line => line.match(pattern))
          .find(match => match !== null)
        if (found) finish(() => resolve(found))
      }
      const onExit = (): void => finish(() => reject(new Error(`broker exited before printing ${pattern}: ${out}${err}`)))
      const timer = setTimeout(() => finish(() => reject(new Error(`no line ${pattern} within ${WAIT_MS} ms: ${out}${err}`))), WAIT_MS)
      const finish = (settle: () => void): void => {
        clearTimeout(timer)
        child.stdout.off('data', check)
        child.off('exit', onExit)
        settle()
      }
      child.stdout.on('data', check)
      child.once('exit', onExit)
      check()
    })
  return { child, waitForLine, stdout: () => out, stderr: () => err }
}

t.before(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npm test builds, or run npx tsc -p .)`)
})

t.test('atseq broker: serves TCP, TLS and mTLS, writes the CA, logs publishes, exits 0 on SIGINT', async t => {
  const certDir = await mkdtemp(join(tmpdir(), 'atseq-broker-cli-'))
  t.teardown(() => rm(certDir, { recursive: true, force: true }))
  const broker = spawnBroker(t, ['--port', '0', '--tls-port', '0', '--mtls-port', '0', '--cert-dir', certDir, '--key-type', 'ec'])
  const tcp = await broker.waitForLine(/^\s+mqtt:\/\/127\.0\.0\.1:(\d+) \(TCP\)$/)
  const tls = await broker.waitForLine(/^\s+mqtts:\/\/127\.0\.0\.1:(\d+) \(TLS\)$/)
  const mtls = await broker.waitForLine(/^\s+mqtts:\/\/127\.0\.0\.1:(\d+) \(TLS, client certificate required\)$/)
  t.match(broker.stdout(), /certificates created/)
  const ca = await readFile(join(certDir, 'ca.pem'), 'utf8')
  t.equal((await stat(join(certDir, 'client-key.pem'))).mode & 0o777, 0o600, 'private keys are not world readable')

  const plain = await connectAsync(`mqtt://127.0.0.1:${tcp[1]}`, { reconnectPeriod: 0, clientId: 'cli-test' })
  t.teardown(() => plain.endAsync(true))
  await plain.publishAsync('dddrrrggghhhk', 'hello broker', { qos: 1 })
  const line = await broker.waitForLine(/client=cli-test topic="dddrrrggghhhk" qos=1 retain=0 len=12 payload="hello broker"$/)
  t.ok(line)

  const secure = await connectAsync(`mqtts://localhost:${tls[1]}`, { reconnectPeriod: 0, ca, rejectUnauthorized: true })
  t.teardown(() => secure.endAsync(true))
  t.ok(secure.connected, 'TLS verified against the written CA')
  const mutual = await connectAsync(`mqtts://localhost:${mtls[1]}`, {
    reconnectPeriod: 0,
    ca,
    cert: await readFile(join(certDir, 'client-cert.pem'), 'utf8'),
    key: await readFile(join(certDir, 'client-key.pem'), 'utf8'),
  })
  t.teardown(() => mutual.endAsync(true))
  t.ok(mutual.connected, 'mTLS with the written client certificate')

  const exited = once(broker.child, 'exit')
  broker.child.kill('SIGINT')
  const [code] = (await exited) as [number | null]
  t.equal(code, 0, broker.stderr())
  t.match(broker.stdout(), /stopped \(SIGINT\)/)
})

t.test('atseq broker reuses the certificates in --cert-dir and stops on SIGTERM', async t => {
  const certDir = await mkdtemp(join(tmpdir(), 'atseq-broker-cli-'))
  t.teardown(() => rm(certDir, { recursive: true, force: true }))
  const args = ['--port', '0', '--tls-port', '0', '--no-mtls-port', '--cert-dir', certDir, '--key-type', 'ec']
  const first = spawnBroker(t, args)
  await first.waitForLine(/\(TLS\)$/)
  const ca = await readFile(join(certDir, 'ca.pem'), 'utf8')
  first.child.kill('SIGTERM')
  const [firstCode] = (await once(first.child, 'exit')) as [number | null]
  t.equal(firstCode, 0)
  t.notMatch(first.stdout(), /client certificate required/, 'no mTLS listener')

  const second = spawnBroker(t, args)
  await second.waitForLine(/\(TLS\)$/)
  t.match(second.stdout(), /certificates reused/)
  t.equal(await readFile(join(certDir, 'ca.pem'), 'utf8'), ca)
  second.child.kill('SIGTERM')
  const [secondCode] = (await once(second.child, 'exit')) as [number | null]
  t.equal(secondCode, 0)
})

t.test('atseq broker exits 3 when its port is taken', async t => {
  const holder = spawnBroker(t, ['--port', '0', '--tls-port', '0', '--no-mtls-port', '--key-type', 'ec'])
  const tcp = await holder.waitForLine(/^\s+mqtt:\/\/127\.0\.0\.1:(\d+) \(TCP\)$/)
  const clash = spawnBroker(t, ['--port', tcp[1] ?? '', '--tls-port', '0', '--no-mtls-port', '--key-type', 'ec'])
  const [code] = (await once(clash.child, 'exit')) as [number | null]
  t.equal(code, 3)
  t.match(clash.stderr(), /EADDRINUSE/)
  holder.child.kill('SIGINT')
  await once(holder.child, 'exit')
})
