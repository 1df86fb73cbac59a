/**
 * Opens what a run talks to: the transport named by the device URL, the chat over it, and
 * the broker the sequence's server-side steps use. For `sim://` without `--broker`, an
 * embedded TLS broker is started and the well-known MQTT ports of any host are mapped to it,
 * so a sequence written for a public broker runs unchanged and no traffic leaves the machine.
 * A `sim://` run also starts a TCP/UDP echo-and-record server and maps any host's port 7 to it, and a TLS
 * echo-and-record server on any host's 7443 (verify) and 7444 (mutual TLS).
 */
import { Chat } from '../at/chat.js'
import type { ChatProfile } from '../modem/chat-profile.js'
import { resolveModemFamily } from '../modem/families/index.js'
import type { ModemFamily } from '../modem/modem-family.js'
import {
  BrokerWaitError,
  createTestCertificates,
  observeRemoteBroker,
  startBroker,
  type BrokerObserver,
  type EmbeddedBroker,
  type RemoteBrokerObserver,
} from '../servers/broker/index.js'
import type { BrokerLink, BrokerWait, ObservedMessage, PublishedMessage } from '../model/broker-link.js'
import { Masker } from '../record/masker.js'
import type { Recorder } from '../record/recorder.js'
import type { RecordedBrokerMessage } from '../model/run-record.js'
import type { SimModem } from '../sim/sim-modem.js'
import { parseResolveRule, type ResolveRule } from '../sim/sockets/host-resolve.js'
import { parseDeviceUrl } from '../transport/device-url.js'
import { openTransport } from '../transport/open-transport.js'
import { ReplayTransport } from '../transport/replay-transport.js'
import { isTransportError } from '../transport/transport-error.js'
import type { Transport } from '../model/transport.js'
import { createReplayBrokerLink } from './replay-broker.js'
import { startSimServers, type SimServers } from './sim-servers.js'
import { InfrastructureError } from '../run/attempt.js'
import type { ServerLink } from '../model/server-link.js'
import { createReplayServerLink, gatherFarSide } from './far-side-servers.js'

/** atseq could not reach the device or its broker: infrastructure, not a test result (exit 3). */
export class DeviceError extends Error {
  override readonly name = 'DeviceError'
}

/** A CLI argument is wrong (a `--resolve` rule): invalid input (exit 2). */
export class DeviceUsageError extends Error {
  override readonly name = 'DeviceUsageError'
}

export interface DeviceSessionOptions {
  url: string
  /** curl-style `host:port=addr:port` rules for the simulator. */
  resolve: string[]
  brokerUrl?: string
  /** The chat profile (a sequence's `device:`); default: the sim profile, else generic. */
  profile?: string
  recorder: Recorder
  /** Masks broker messages kept for the record; default: identifiers only. */
  masker?: Masker
  /** Receives the simulated modem once it exists (tests inject faults through it). */
  onSimModem?: (modem: SimModem) => void
  /** When set, the embedded broker accepts only these user names with these passwords. */
  brokerUsers?: Record<string, string>
}

export interface DeviceSession {
  chat: Chat
  /** The modem family the device belongs to (its `device:` or sim profile; generic when unknown). */
  family: ModemFamily
  chatProfile: ChatProfile
  broker?: BrokerLink
  /** The far-side servers `serve:` and `server:` steps use (`sim://`: echo server and network; replay: a stand-in). */
  servers?: ServerLink
  settings: Record<string, string | number | boolean>
  /** What the broker received so far, on the run's clock and masked (empty without a broker, and under replay). */
  brokerMessages(): RecordedBrokerMessage[]
  /**
   * Vars the session gives sequences (lowest precedence): with the embedded broker, its CA (`broker_ca`),
   * a client certificate and key it trusts (`broker_client_cert`, `broker_client_key`) and a CA that did
   * not sign it (`wrong_ca`), all PEM; for `sim://`, the echo server's address (`echo_server_host`,
   * `echo_server_port`), the TLS server's (`tls_server_host`, `tls_server_port`, `mtls_server_port`), the HTTP
   * server's (`http_server_host`, `http_server_port`, `https_server_port`) and the FTP server's (`ftp_server_host`,
   * `ftp_server_port`, `ftps_implicit_port`, `ftp_user`, `ftp_password`). Empty otherwise.
   */
  vars: Record<string, string>
  close(): Promise<void>
}

/** Opens transport, chat and broker; throws DeviceError with a hint when any cannot be reached. */
export async function openDeviceSession(options: DeviceSessionOptions): Promise<DeviceSession> {
  const address = parseDeviceUrlOrThrow(options.url)
  const closers: Array<() => Promise<void>> = []
  const close = async (): Promise<void> => {
    for (const closer of closers.reverse()) await closer().catch(() => undefined)
  }
  try {
    const server = await openServerSide(options, address.kind === 'sim')
    if (server) closers.push(server.close)
    const sims = address.kind === 'sim' ? await startSimServersOrThrow(options.recorder) : undefined
    if (sims) closers.push(sims.close)
    const rules = [...parseRules(options.resolve), ...(server?.defaultRules ?? []), ...(sims?.rules ?? [])]
    const farSide = gatherFarSide(options, sims?.farSide ?? [])
    const transport = await openDeviceTransport(options.url, rules, farSide.options, address.kind === 'sim')
    closers.push(() => transport.close())
    const family = resolveModemFamily(options.profile ?? (address.kind === 'sim' ? address.profile : undefined))
    const chatProfile = family.chatProfile
    const chat = new Chat(transport, {
      profile: chatProfile,
      transcript: entry => recordTranscript(options.recorder, entry),
      clock: () => options.recorder.elapsedMs(),
    })
    closers.push(async () => chat.detach())
    const broker = server?.link ?? (transport instanceof ReplayTransport ? createReplayBrokerLink(transport) : undefined)
    const brokerMessages = server ? keepBrokerMessages(server.observer, options, closers) : () => []
    const servers = transport instanceof ReplayTransport ? createReplayServerLink() : farSide.link()
    return {
      chat,
      family,
      chatProfile,
      settings: transport.settings,
      brokerMessages,
      vars: { ...(sims?.vars ?? {}), ...(server?.vars ?? {}) },
      close,
      ...(broker ? { broker } : {}),
      ...(servers ? { servers } : {}),
    }
  } catch (error) {
    await close()
    throw error
  }
}

interface ServerSide {
  link: BrokerLink
  observer: BrokerObserver
  /** Rules that send any host's 1883/8883/8884 to the embedded broker (after the user's own). */
  defaultRules: ResolveRule[]
  vars: Record<string, string>
  close(): Promise<void>
}

async function openServerSide(options: DeviceSessionOptions, isSimulated: boolean): Promise<ServerSide | undefined> {
  if (options.brokerUrl !== undefined) return observeUserBroker(options.brokerUrl)
  if (!isSimulated) return undefined
  let broker: EmbeddedBroker
  try {
    broker = await startBroker(options.brokerUsers === undefined ? {} : { users: options.brokerUsers })
  } catch (error) {
    throw new DeviceError(`could not start the embedded broker: ${(error as Error).message}`, { cause: error })
  }
  options.recorder.recordNote(`embedded broker on 127.0.0.1: tcp ${broker.tcpPort}, tls ${broker.tlsPort}, mtls ${broker.mtlsPort ?? '-'}`)
  return {
    link: linkBroker(broker.observer, message => broker.publish(message)),
    observer: broker.observer,
    defaultRules: embeddedBrokerRules(broker),
    vars: await describeBrokerVars(broker),
    close: () => broker.close(),
  }
}

let wrongCa: Promise<string> | undefined

/** The embedded broker's certificates as vars, and a CA of another authority for "wrong CA" sequences. */
async function describeBrokerVars(broker: EmbeddedBroker): Promise<Record<string, string>> {
  wrongCa ??= createTestCertificates({ hostnames: ['localhost'] }).then(other => other.ca)
  return { broker_ca: broker.ca, broker_client_cert: broker.clientCert, broker_client_key: broker.clientKey, wrong_ca: await wrongCa }
}

async function observeUserBroker(url: string): Promise<ServerSide> {
  let remote: RemoteBrokerObserver
  try {
    remote = await observeRemoteBroker(url)
  } catch (error) {
    throw new DeviceError(`could not reach the broker ${url}: ${(error as Error).message}`, { cause: error })
  }
  return {
    link: linkBroker(remote, message => remote.publish(message)),
    observer: remote,
    defaultRules: [],
    vars: {},
    close: () => remote.close(),
  }
}

/** The executor's view of a broker: waits end in an outcome, never a thrown error. */
function linkBroker(observer: BrokerObserver, publish: (message: PublishedMessage) => Promise<void>): BrokerLink {
  const ended = (error: unknown): BrokerWait => {
    const reason = error instanceof Error ? error.message : String(error)
    return { outcome: error instanceof BrokerWaitError ? error.code : 'failed', reason }
  }
  return {
    waitFor: (match, options) => observer.waitFor(match, options).then(message => ({ outcome: 'received', message }), ended),
    publish: message => publishOrFail(publish, message),
  }
}

/** A broker publishes in milliseconds; one that has not answered in this long is gone. */
const PUBLISH_TIMEOUT_MS = 5000

/** Publishes, or throws an InfrastructureError naming the cause when the broker is gone or does not answer. */
async function publishOrFail(publish: (message: PublishedMessage) => Promise<void>, message: PublishedMessage): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${PUBLISH_TIMEOUT_MS} ms`)), PUBLISH_TIMEOUT_MS)
  })
  try {
    await Promise.race([publish(message), timeout])
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error)
    throw new InfrastructureError(`the broker could not publish on ${message.topic}: ${cause}`, { cause: error })
  } finally {
    clearTimeout(timer)
  }
}

/** Any host's MQTT ports go to the embedded broker: 1883 plain, 8883 TLS, 8884 mutual TLS. */
export function embeddedBrokerRules(broker: EmbeddedBroker): ResolveRule[] {
  const to = (port: number): { host: string; port: number } => ({ host: broker.host, port })
  return [
    { host: '*', port: 1883, to: to(broker.tcpPort) },
    { host: '*', port: 8883, to: to(broker.tlsPort) },
    ...(broker.mtlsPort === undefined ? [] : [{ host: '*', port: 8884, to: to(broker.mtlsPort) }]),
  ]
}

async function startSimServersOrThrow(recorder: Recorder): Promise<SimServers> {
  try {
    return await startSimServers(recorder)
  } catch (error) {
    throw new DeviceError((error as Error).message, { cause: error })
  }
}

async function openDeviceTransport(
  url: string,
  resolve: ResolveRule[],
  options: DeviceSessionOptions,
  isSimulated: boolean,
): Promise<Transport> {
  // The simulator (and its MQTT stack) is loaded only when a run uses it.
  const simulator = isSimulated ? await import('../sim/index.js') : undefined
  const simPeer = (profile: string, params: URLSearchParams): SimModem => {
    const modem = simulator!.createSimModem(profile, params, { resolve })
    options.onSimModem?.(modem)
    return modem
  }
  try {
    return await openTransport(url, simulator ? { simPeer } : {})
  } catch (error) {
    if (simulator && error instanceof simulator.SimOptionsError)
      throw new DeviceUsageError(`--device ${url}: ${error.message}`, { cause: error })
    if (!isTransportError(error)) throw error
    throw new DeviceError(`${error.message}${error.hint ? ` (${error.hint})` : ''}`, { cause: error })
  }
}

/** Keeps every message the broker receives, timed on the run's clock and masked like the transcript (for replay and diff). */
function keepBrokerMessages(
  observer: BrokerObserver,
  options: DeviceSessionOptions,
  closers: Array<() => Promise<void>>,
): () => RecordedBrokerMessage[] {
  const { recorder } = options
  const masker = options.masker ?? new Masker()
  const kept: RecordedBrokerMessage[] = []
  const keep = (message: ObservedMessage): void => {
    kept.push({
      atMs: recorder.elapsedMs(),
      topic: masker.mask(message.topic),
      payload: masker.maskBytes(message.payload).toString('base64'),
      qos: message.qos,
      retain: message.retain,
      isWill: message.isWill,
    })
  }
  observer.on('message', keep)
  closers.push(async () => observer.off('message', keep))
  return () => [...kept]
}

function parseDeviceUrlOrThrow(url: string): ReturnType<typeof parseDeviceUrl> {
  try {
    return parseDeviceUrl(url)
  } catch (error) {
    throw new DeviceUsageError(`--device ${url}: ${(error as Error).message}`, { cause: error })
  }
}

function parseRules(texts: string[]): ResolveRule[] {
  return texts.map(text => {
    const parsed = parseResolveRule(text)
    if (!parsed.ok) throw new DeviceUsageError(`--resolve ${text}: ${parsed.hint}`)
    return parsed.rule
  })
}

function recordTranscript(recorder: Recorder, entry: { dir: 'tx' | 'rx' | 'note'; bytes: Buffer | string }): void {
  if (entry.dir === 'note') recorder.recordNote(entry.bytes.toString())
  else if (entry.dir === 'tx') recorder.recordTx(Buffer.from(entry.bytes))
  else recorder.recordRx(Buffer.from(entry.bytes))
}
