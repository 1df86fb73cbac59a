import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { connect, createServer, type AddressInfo } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { createTestCertificates, type TestCertificates } from '../../src/servers/broker/test-certificates.js'
import { findTool } from './system-tool.js'
import { stopChild } from './stop-child.js'

export interface MosquittoOptions {
  /** Add a TLS listener serving a server certificate for localhost/127.0.0.1/::1. */
  tls?: boolean
  /** Certificates for the TLS listener; default freshly generated. */
  certificates?: TestCertificates
}

/** A real Mosquitto listening on 127.0.0.1, anonymous access allowed. */
export interface RunningMosquitto {
  host: '127.0.0.1'
  port: number
  tlsPort?: number
  /** The CA that signed the TLS listener's certificate (with `tls`). */
  ca?: string
  /** Everything Mosquitto logged so far, for failure messages. */
  log(): string
  /** Stops Mosquitto and removes its configuration directory. Idempotent. */
  stop(): Promise<void>
}

const START_ATTEMPTS = 3
const ACCEPT_POLLS = 100
const ACCEPT_POLL_MS = 50
const STOP_GRACE_MS = 3000

/** Starts `mosquitto` from a generated config in a temp dir on free loopback ports; callers check `requireTool` first. */
export async function startMosquitto(opts: MosquittoOptions = {}): Promise<RunningMosquitto> {
  const binary = findTool('mosquitto')
  if (binary === undefined) throw new Error('mosquitto not installed: apt-get install mosquitto')
  const certificates =
    opts.tls === true ? (opts.certificates ?? (await createTestCertificates({ hostnames: ['localhost', '127.0.0.1', '::1'] }))) : undefined
  const dir = await mkdtemp(join(tmpdir(), 'atseq-mosquitto-'))
  let lastError: unknown
  // Free ports are found then released, so another process can take one first: retry with new ports.
  for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
    try {
      return await launchMosquitto(binary, dir, certificates)
    } catch (error) {
      lastError = error
    }
  }
  await rm(dir, { recursive: true, force: true })
  throw new Error(`mosquitto did not start after ${START_ATTEMPTS} attempts`, { cause: lastError })
}

async function launchMosquitto(binary: string, dir: string, certificates: TestCertificates | undefined): Promise<RunningMosquitto> {
  const port = await findFreePort()
  const tlsPort = certificates === undefined ? undefined : await findFreePort()
  const configPath = join(dir, 'mosquitto.conf')
  await writeFile(configPath, await writeConfig(dir, port, tlsPort, certificates))
  const child = spawn(binary, ['-c', configPath], { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString()
  })
  const stop = createStop(child, dir)
  try {
    await waitForAccept(child, port, () => log)
    if (tlsPort !== undefined) await waitForAccept(child, tlsPort, () => log)
  } catch (error) {
    await stopChild(child, STOP_GRACE_MS)
    throw error
  }
  return {
    host: '127.0.0.1',
    port,
    log: () => log,
    stop,
    ...(tlsPort === undefined ? {} : { tlsPort, ca: certificates?.ca }),
  }
}

async function writeConfig(
  dir: string,
  port: number,
  tlsPort: number | undefined,
  certificates: TestCertificates | undefined,
): Promise<string> {
  const lines = [
    // Run as root, mosquitto would switch to user "mosquitto", which cannot read our private temp dir.
    `user ${userInfo().username}`,
    'per_listener_settings false',
    'allow_anonymous true',
    'persistence false',
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    'log_type notice',
    `listener ${port} 127.0.0.1`,
  ]
  if (tlsPort !== undefined && certificates !== undefined) {
    await writeFile(join(dir, 'ca.pem'), certificates.ca)
    await writeFile(join(dir, 'server-cert.pem'), certificates.serverCert)
    await writeFile(join(dir, 'server-key.pem'), certificates.serverKey, { mode: 0o600 })
    lines.push(
      `listener ${tlsPort} 127.0.0.1`,
      `cafile ${join(dir, 'ca.pem')}`,
      `certfile ${join(dir, 'server-cert.pem')}`,
      `keyfile ${join(dir, 'server-key.pem')}`,
    )
  }
  return lines.join('\n') + '\n'
}

async function findFreePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  await new Promise<void>(resolve => server.close(() => resolve()))
  return port
}

async function waitForAccept(child: ChildProcess, port: number, readLog: () => string): Promise<void> {
  for (let poll = 0; poll < ACCEPT_POLLS; poll++) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`mosquitto exited (${child.exitCode ?? child.signalCode}) before listening on ${port}: ${readLog()}`)
    }
    if (await isAccepting(port)) return
    await new Promise(resolve => setTimeout(resolve, ACCEPT_POLL_MS))
  }
  throw new Error(`mosquitto did not accept connections on ${port} after ${ACCEPT_POLLS} tries: ${readLog()}`)
}

function isAccepting(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => {
      socket.destroy()
      resolve(false)
    })
  })
}

function createStop(child: ChildProcess, dir: string): () => Promise<void> {
  let stopping: Promise<void> | undefined
  return () => (stopping ??= stopChild(child, STOP_GRACE_MS).then(() => rm(dir, { recursive: true, force: true })))
}
