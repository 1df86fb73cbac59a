import { isIP } from 'node:net'
import { generate } from 'selfsigned'

/** A CA with a server and a client certificate it signed, all PEM: enough for TLS and mutual TLS on loopback. */
export interface TestCertificates {
  ca: string
  caKey: string
  serverCert: string
  serverKey: string
  clientCert: string
  clientKey: string
}

/** Key algorithm of generated certificates: `ec` (P-256, ~60 ms for a set) or `rsa` (2048 bit, ~1 s for a set). */
export type CertificateKeyType = 'ec' | 'rsa'

export interface TestCertificateOptions {
  /** DNS names and IP addresses the server certificate is valid for; the first is also its common name. */
  hostnames: string[]
  /** Default `ec`: an order of magnitude quicker to generate than RSA, and accepted by Node TLS, MQTT.js and Mosquitto. */
  keyType?: CertificateKeyType
  /** Validity in days from yesterday (a day of slack for clocks that lag); default 365. */
  validDays?: number
}

type GenerateOptions = NonNullable<Parameters<typeof generate>[1]>
type SubjectAltName = { type: 2; value: string } | { type: 7; ip: string }

const DAY_MS = 24 * 60 * 60 * 1000

/** Generates a fresh CA, a server certificate for `hostnames` and a client certificate, both signed by that CA. */
export async function createTestCertificates(opts: TestCertificateOptions): Promise<TestCertificates> {
  if (opts.hostnames.length === 0) throw new Error('createTestCertificates needs at least one hostname')
  const base = describeValidity(opts)
  const ca = await generate([{ name: 'commonName', value: 'atseq test CA' }], { ...base, extensions: caExtensions() })
  const signer = { key: ca.private, cert: ca.cert }
  const server = await generate([{ name: 'commonName', value: opts.hostnames[0] }], {
    ...base,
    ca: signer,
    extensions: serverExtensions(opts.hostnames),
  })
  const client = await generate([{ name: 'commonName', value: 'atseq test client' }], {
    ...base,
    ca: signer,
    extensions: clientExtensions(),
  })
  return {
    ca: ca.cert,
    caKey: ca.private,
    serverCert: server.cert,
    serverKey: server.private,
    clientCert: client.cert,
    clientKey: client.private,
  }
}

function describeValidity(opts: TestCertificateOptions): GenerateOptions {
  const notBeforeDate = new Date(Date.now() - DAY_MS)
  const notAfterDate = new Date(notBeforeDate.getTime() + (opts.validDays ?? 365) * DAY_MS)
  return { keyType: opts.keyType ?? 'ec', algorithm: 'sha256', notBeforeDate, notAfterDate }
}

function caExtensions(): GenerateOptions['extensions'] {
  return [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
  ]
}

function serverExtensions(hostnames: string[]): GenerateOptions['extensions'] {
  return [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: hostnames.map(toSubjectAltName) },
  ]
}

function clientExtensions(): GenerateOptions['extensions'] {
  return [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', clientAuth: true },
  ]
}

function toSubjectAltName(hostname: string): SubjectAltName {
  return isIP(hostname) === 0 ? { type: 2, value: hostname } : { type: 7, ip: hostname }
}

/** The hostnames a local broker's certificate covers unless told otherwise. */
export const DEFAULT_BROKER_HOSTNAMES: readonly string[] = ['localhost', '127.0.0.1', '::1']

const sharedCertificates = new Map<string, Promise<TestCertificates>>()

/**
 * Certificates shared by every broker of this process that gets the same hostnames and key type,
 * so a test file starting ten brokers generates keys once. A failed generation is not cached.
 */
export function getSharedTestCertificates(opts: TestCertificateOptions): Promise<TestCertificates> {
  const key = `${opts.keyType ?? 'ec'}|${opts.hostnames.join(',')}`
  let pending = sharedCertificates.get(key)
  if (pending === undefined) {
    pending = createTestCertificates(opts)
    pending.catch(() => sharedCertificates.delete(key))
    sharedCertificates.set(key, pending)
  }
  return pending
}
