/**
 * A real vsftpd on 127.0.0.1 for tests: its own config file in a temp folder, anonymous users with a temp root
 * holding `/pub/hello.txt` and a writable `/upload`, passive mode on loopback, explicit FTPS (AUTH TLS) with a
 * certificate of a fresh test CA. Callers check `requireTool(t, 'vsftpd')` first.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { connect, createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { createTestCertificates } from '../../src/servers/broker/test-certificates.js'
import { findTool } from './system-tool.js'
import { stopChild } from './stop-child.js'

export interface RunningVsftpd {
  host: '127.0.0.1'
  port: number
  /** The CA that signed the server certificate (PEM). */
  ca: string
  /** The folder anonymous users see as `/`. */
  root: string
  log(): Promise<string>
  /** Stops vsftpd and removes its folder. Idempotent. */
  stop(): Promise<void>
}

export const VSFTPD_HELLO = 'Hello from vsftpd.'

const ACCEPT_POLLS = 100
const ACCEPT_POLL_MS = 50

export async function startVsftpd(): Promise<RunningVsftpd> {
  const binary = findTool('vsftpd')
  if (binary === undefined) throw new Error('vsftpd not installed: apt-get install vsftpd')
  const certificates = await createTestCertificates({ hostnames: ['localhost', '127.0.0.1'], keyType: 'rsa' })
  const dir = await mkdtemp(join(tmpdir(), 'atseq-vsftpd-'))
  const root = await seedRoot(dir)
  await mkdir(join(dir, 'empty'))
  await writeFile(join(dir, 'cert.pem'), certificates.serverCert)
  await writeFile(join(dir, 'key.pem'), certificates.serverKey, { mode: 0o600 })
  const port = await findFreePort()
  const configPath = join(dir, 'vsftpd.conf')
  await writeFile(configPath, describeConfig(dir, root, port))
  const child = spawn(binary, [configPath], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  let stopping: Promise<void> | undefined
  const stop = (): Promise<void> => (stopping ??= stopChild(child, 3000).then(() => rm(dir, { recursive: true, force: true })))
  try {
    await waitForAccept(child, port, () => output)
  } catch (error) {
    await stop()
    throw error
  }
  const log = async (): Promise<string> => output + (await readFile(join(dir, 'vsftpd.log'), 'utf8').catch(() => ''))
  return { host: '127.0.0.1', port, ca: certificates.ca, root, log, stop }
}

/** vsftpd refuses a writable anonymous root, so `/` is read-only and only `/upload` belongs to the ftp user. */
async function seedRoot(dir: string): Promise<string> {
  const root = join(dir, 'root')
  await mkdir(join(root, 'pub'), { recursive: true })
  await mkdir(join(root, 'upload'))
  await writeFile(join(root, 'pub', 'hello.txt'), VSFTPD_HELLO)
  const ftp = readFtpUser()
  if (ftp !== undefined) await chown(join(root, 'upload'), ftp.uid, ftp.gid)
  else await chmod(join(root, 'upload'), 0o777)
  await chmod(root, 0o555)
  return root
}

function readFtpUser(): { uid: number; gid: number } | undefined {
  try {
    const [uid, gid] = ['-u', '-g'].map(flag => Number(execFileSync('id', [flag, 'ftp'], { encoding: 'utf8' }).trim()))
    return uid === undefined || gid === undefined ? undefined : { uid, gid }
  } catch {
    return undefined
  }
}

function describeConfig(dir: string, root: string, port: number): string {
  // Passive ports come from a random window above the listener; a clash only costs one data connection retry.
  const pasvMin = 20000 + Math.floor(Math.random() * 30000)
  return [
    'listen=YES',
    'listen_ipv6=NO',
    'listen_address=127.0.0.1',
    `listen_port=${port}`,
    'background=NO',
    'anonymous_enable=YES',
    'local_enable=NO',
    'write_enable=YES',
    'anon_upload_enable=YES',
    'anon_mkdir_write_enable=YES',
    'anon_other_write_enable=YES',
    'anon_umask=022',
    `anon_root=${root}`,
    'no_anon_password=YES',
    'pasv_enable=YES',
    'pasv_address=127.0.0.1',
    `pasv_min_port=${pasvMin}`,
    `pasv_max_port=${pasvMin + 100}`,
    'connect_from_port_20=NO',
    `secure_chroot_dir=${join(dir, 'empty')}`,
    'seccomp_sandbox=NO',
    'xferlog_enable=YES',
    `vsftpd_log_file=${join(dir, 'vsftpd.log')}`,
    'ssl_enable=YES',
    'allow_anon_ssl=YES',
    'force_anon_logins_ssl=NO',
    'force_anon_data_ssl=NO',
    `rsa_cert_file=${join(dir, 'cert.pem')}`,
    `rsa_private_key_file=${join(dir, 'key.pem')}`,
    'require_ssl_reuse=NO',
    'ssl_ciphers=HIGH',
  ].join('\n')
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
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`vsftpd exited before listening: ${readLog()}`)
    if (await isAccepting(port)) return
    await new Promise(resolve => setTimeout(resolve, ACCEPT_POLL_MS))
  }
  throw new Error(`vsftpd did not accept connections on ${port}: ${readLog()}`)
}

function isAccepting(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
