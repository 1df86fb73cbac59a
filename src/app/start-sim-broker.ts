/**
 * The embedded broker `atseq sim` serves beside the simulator, so the whole environment of a `sim://` run is there
 * for a serial tool too: its certificates in a fresh temporary folder (the CA path is printed for mosquitto_sub
 * --cafile or a modem's AT+CCERTDOWN), and any host's MQTT ports mapped to it.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatListenerLines } from '../servers/broker/broker-log-lines.js'
import { loadOrCreateCertificateDir } from '../servers/broker/certificate-dir.js'
import { startBroker, type EmbeddedBroker } from '../servers/broker/embedded-broker.js'
import { DEFAULT_BROKER_HOSTNAMES } from '../servers/broker/test-certificates.js'
import type { ResolveRule } from '../sim/sockets/host-resolve.js'
import { embeddedBrokerRules } from './device-session.js'

/** A running broker for the simulator, the rules that send MQTT ports to it, and the lines that say where it is. */
export interface SimBroker {
  broker: EmbeddedBroker
  rules: ResolveRule[]
  lines: string[]
  /** Stops the broker and removes its certificate folder. */
  close(): Promise<void>
}

/** A folder of its own under the system's temporary folder, for certificates atseq generates. */
export async function createCertificateTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'atseq-certs-'))
}

/** Starts the broker on loopback with any free ports and certificates written to a new temporary folder. */
export async function startSimBroker(): Promise<SimBroker> {
  const folder = await createCertificateTempDir()
  const dir = await loadOrCreateCertificateDir(folder, { hostnames: [...DEFAULT_BROKER_HOSTNAMES] })
  const broker = await startBroker({ certificates: dir.certificates }).catch(async (error: unknown) => {
    await rm(folder, { recursive: true, force: true })
    throw error
  })
  const lines = [
    ...formatListenerLines(broker).map(line => `broker ${line}`),
    `broker CA ${dir.paths.ca} (client certificate ${dir.paths.clientCert}, key ${dir.paths.clientKey})`,
  ]
  const close = async (): Promise<void> => {
    await broker.close()
    await rm(folder, { recursive: true, force: true })
  }
  return { broker, rules: embeddedBrokerRules(broker), lines, close }
}
