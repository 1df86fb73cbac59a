/**
 * `atseq broker`: the embedded MQTT broker (TCP, TLS, mutual TLS) with a generated CA, in the foreground.
 */
import { EXIT } from '../model/exit-code.js'
import { formatListenerLines, formatMessageLine } from '../servers/broker/broker-log-lines.js'
import { createCertificateTempDir, loadOrCreateCertificateDir } from '../servers/broker/certificate-dir.js'
import { startBroker, type EmbeddedBroker } from '../servers/broker/embedded-broker.js'
import { DEFAULT_BROKER_HOSTNAMES, type CertificateKeyType, type TestCertificates } from '../servers/broker/test-certificates.js'
import { waitForStopSignal } from './wait-for-stop-signal.js'

export interface ServeBrokerOptions {
  host: string
  port: number
  tlsPort: number
  mtlsPort: number | false
  certDir?: string
  hostname: string[]
  user: [string, string][]
  keyType: CertificateKeyType
}

/** Runs the broker in the foreground until SIGINT/SIGTERM, logging every published message; returns the exit code. */
export async function serveBroker(
  opts: ServeBrokerOptions,
  write: (text: string) => void,
  writeError: (text: string) => void,
): Promise<number> {
  let broker: EmbeddedBroker
  try {
    const certificates = await prepareCertificates(opts, write)
    broker = await startBroker({
      host: opts.host,
      tcpPort: opts.port,
      tlsPort: opts.tlsPort,
      mtlsPort: opts.mtlsPort,
      certificates,
      ...(opts.user.length === 0 ? {} : { users: Object.fromEntries(opts.user) }),
    })
  } catch (error) {
    writeError(`atseq broker: ${describeError(error)}\n`)
    return EXIT.infrastructure
  }
  printListeners(broker, write)
  broker.observer.on('message', message => write(formatMessageLine(message) + '\n'))
  const signal = await waitForStopSignal()
  await broker.close()
  write(`stopped (${signal})\n`)
  return EXIT.passed
}

async function prepareCertificates(opts: ServeBrokerOptions, write: (text: string) => void): Promise<TestCertificates> {
  const hostnames = chooseHostnames(opts)
  // Without --cert-dir the CA still goes to a file, so there is something to give mosquitto_sub --cafile.
  const dir = await loadOrCreateCertificateDir(opts.certDir ?? (await createCertificateTempDir()), { hostnames, keyType: opts.keyType })
  write(`certificates ${dir.origin}: CA ${dir.paths.ca}, client ${dir.paths.clientCert} ${dir.paths.clientKey}\n`)
  return dir.certificates
}

function chooseHostnames(opts: ServeBrokerOptions): string[] {
  if (opts.hostname.length > 0) return opts.hostname
  const isWildcard = opts.host === '0.0.0.0' || opts.host === '::'
  return [...new Set([...DEFAULT_BROKER_HOSTNAMES, ...(isWildcard ? [] : [opts.host])])]
}

function printListeners(broker: EmbeddedBroker, write: (text: string) => void): void {
  write(['listening:', ...formatListenerLines(broker).map(line => `  ${line}`)].join('\n') + '\n')
}

function describeError(error: unknown): string {
  const parts: string[] = []
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) parts.push(cause.message)
  return parts.join(': ') || String(error)
}
