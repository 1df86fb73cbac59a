/**
 * The embedded broker `atseq sim` serves beside the simulator, so the whole environment of a `sim://` run is there
 * for a serial tool too, with any host's MQTT ports mapped to it.
 */
import { formatListenerLines } from '../servers/broker/broker-log-lines.js'
import { startBroker, type EmbeddedBroker } from '../servers/broker/embedded-broker.js'
import type { TestCertificates } from '../servers/broker/test-certificates.js'
import type { ResolveRule } from '../sim/sockets/host-resolve.js'
import { embeddedBrokerRules } from './device-session.js'

/** A running broker for the simulator, the rules that send MQTT ports to it, and the lines that say where it is. */
export interface SimBroker {
  broker: EmbeddedBroker
  rules: ResolveRule[]
  lines: string[]
  /** Stops the broker. */
  close(): Promise<void>
}

/** Starts the broker on loopback with any free ports, presenting the given certificates. */
export async function startSimBroker(certificates: TestCertificates): Promise<SimBroker> {
  const broker = await startBroker({ certificates })
  const lines = formatListenerLines(broker).map(line => `broker ${line}`)
  return { broker, rules: embeddedBrokerRules(broker), lines, close: () => broker.close() }
}
