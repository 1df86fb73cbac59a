import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestCertificates, type TestCertificateOptions, type TestCertificates } from './test-certificates.js'

/** Where each certificate lives inside a certificate directory. */
export const CERTIFICATE_FILES: Readonly<Record<keyof TestCertificates, string>> = {
  ca: 'ca.pem',
  caKey: 'ca-key.pem',
  serverCert: 'server-cert.pem',
  serverKey: 'server-key.pem',
  clientCert: 'client-cert.pem',
  clientKey: 'client-key.pem',
}

export interface CertificateDir {
  certificates: TestCertificates
  /** `reused` when every file was already there (a modem keeps trusting the same CA across restarts). */
  origin: 'created' | 'reused'
  /** Absolute-or-as-given path of each file. */
  paths: Record<keyof TestCertificates, string>
}

/** A folder of its own under the system's temporary folder, for certificates atseq generates. */
export async function createCertificateTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'atseq-certs-'))
}

/** Reads the six PEM files from `dir` when all exist, otherwise generates a new set and writes it (keys mode 0600). */
export async function loadOrCreateCertificateDir(dir: string, opts: TestCertificateOptions): Promise<CertificateDir> {
  const paths = describePaths(dir)
  const existing = await readCertificates(paths)
  if (existing !== undefined) return { certificates: existing, origin: 'reused', paths }
  const certificates = await createTestCertificates(opts)
  await writeCertificateDir(dir, certificates)
  return { certificates, origin: 'created', paths }
}

/** Writes the six PEM files into `dir` (created if needed; keys mode 0600) and returns where each is. */
export async function writeCertificateDir(dir: string, certificates: TestCertificates): Promise<CertificateDir['paths']> {
  const paths = describePaths(dir)
  await mkdir(dir, { recursive: true })
  for (const name of Object.keys(paths) as (keyof TestCertificates)[]) {
    await writeFile(paths[name], certificates[name], { mode: isPrivateKey(name) ? 0o600 : 0o644 })
  }
  return paths
}

function describePaths(dir: string): Record<keyof TestCertificates, string> {
  const entries = Object.entries(CERTIFICATE_FILES).map(([name, file]) => [name, join(dir, file)])
  return Object.fromEntries(entries) as Record<keyof TestCertificates, string>
}

function isPrivateKey(name: keyof TestCertificates): boolean {
  return name === 'caKey' || name === 'serverKey' || name === 'clientKey'
}

async function readCertificates(paths: Record<keyof TestCertificates, string>): Promise<TestCertificates | undefined> {
  try {
    const names = Object.keys(paths) as (keyof TestCertificates)[]
    const texts = await Promise.all(names.map(name => readFile(paths[name], 'utf8')))
    return Object.fromEntries(names.map((name, i) => [name, texts[i]])) as unknown as TestCertificates
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new Error('could not read the certificate directory', { cause: error })
  }
}
