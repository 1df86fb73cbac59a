import { Command, InvalidArgumentError, Option } from 'commander'
import { formatListenerLines, formatMessageLine } from '../servers/broker/broker-log-lines.js'
import { loadOrCreateCertificateDir } from '../servers/broker/certificate-dir.js'
import { startBroker, type EmbeddedBroker } from '../servers/broker/embedded-broker.js'
import { createTestCertificates, DEFAULT_BROKER_HOSTNAMES, type CertificateKeyType, type TestCertificates } from '../servers/broker/test-certificates.js'
import { waitForStopSignal } from './wait-for-stop-signal.js'

/** Exit code when the broker cannot start (port taken, unreadable certificate directory): the environment, not a test, failed. */
const EXIT_INFRASTRUCTURE = 3

interface BrokerCommandOptions {
  host: string
  port: number
  tlsPort: number
  mtlsPort: number | false
  certDir?: string
  hostname: string[]
  user: [string, string][]
  keyType: CertificateKeyType
}

/** Registers `atseq broker`: an MQTT broker on TCP, TLS and mutual TLS in the foreground until SIGINT/SIGTERM. */
export function registerBroker(program: Command): void {
  program.command('broker')
    .description('Run an MQTT broker (TCP, TLS, mutual TLS) with a generated CA, logging every published message')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'plain MQTT port (0: any free port)', parsePort, 1883)
    .option('--tls-port <port>', 'MQTT over TLS port', parsePort, 8883)
    .option('--mtls-port <port>', 'MQTT over TLS port that requires a client certificate', parsePort, 8884)
    .option('--no-mtls-port', 'no mutual-TLS listener')
    .option('--cert-dir <dir>', 'write the CA, server and client certificates here (reused on the next start)')
    .option('--hostname <name>', 'name or IP the server certificate is for (repeatable; default localhost, 127.0.0.1, ::1 and --host)', collect, [])
    .option('--user <name:password>', 'accept only these users (repeatable)', collectUser, [])
    .addOption(new Option('--key-type <type>', 'certificate key algorithm (rsa suits most modems)').choices(['rsa', 'ec']).default('rsa'))
    .action(async (opts: BrokerCommandOptions) => { process.exitCode = await runBrokerCommand(opts) })
}

async function runBrokerCommand(opts: BrokerCommandOptions): Promise<number> {
  let broker: EmbeddedBroker
  try {
    const certificates = await prepareCertificates(opts)
    broker = await startBroker({
      host: opts.host, tcpPort: opts.port, tlsPort: opts.tlsPort, mtlsPort: opts.mtlsPort, certificates,
      ...(opts.user.length === 0 ? {} : { users: Object.fromEntries(opts.user) }),
    })
  } catch (error) {
    process.stderr.write(`atseq broker: ${describeError(error)}\n`)
    return EXIT_INFRASTRUCTURE
  }
  printListeners(broker)
  broker.observer.on('message', message => process.stdout.write(formatMessageLine(message) + '\n'))
  const signal = await waitForStopSignal()
  await broker.close()
  process.stdout.write(`stopped (${signal})\n`)
  return 0
}

async function prepareCertificates(opts: BrokerCommandOptions): Promise<TestCertificates> {
  const hostnames = chooseHostnames(opts)
  if (opts.certDir === undefined) return createTestCertificates({ hostnames, keyType: opts.keyType })
  const dir = await loadOrCreateCertificateDir(opts.certDir, { hostnames, keyType: opts.keyType })
  process.stdout.write(`certificates ${dir.origin}: CA ${dir.paths.ca}, client ${dir.paths.clientCert} ${dir.paths.clientKey}\n`)
  return dir.certificates
}

function chooseHostnames(opts: BrokerCommandOptions): string[] {
  if (opts.hostname.length > 0) return opts.hostname
  const isWildcard = opts.host === '0.0.0.0' || opts.host === '::'
  return [...new Set([...DEFAULT_BROKER_HOSTNAMES, ...(isWildcard ? [] : [opts.host])])]
}

function printListeners(broker: EmbeddedBroker): void {
  process.stdout.write(['listening:', ...formatListenerLines(broker).map(line => `  ${line}`)].join('\n') + '\n')
}

function describeError(error: unknown): string {
  const parts: string[] = []
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) parts.push(cause.message)
  return parts.join(': ') || String(error)
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is 0..65535')
  return port
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function collectUser(value: string, previous: [string, string][]): [string, string][] {
  const colon = value.indexOf(':')
  if (colon <= 0) throw new InvalidArgumentError('a user is name:password')
  return [...previous, [value.slice(0, colon), value.slice(colon + 1)]]
}
