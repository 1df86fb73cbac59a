import { once } from 'node:events'
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { createServer as createTlsServer, type TlsOptions } from 'node:tls'
import { Aedes, type AedesPublishPacket, type AuthenticateError, type Client, type PublishPacket } from 'aedes'
import { createBrokerObserver, type BrokerObserver, type ObservedMessage } from './broker-observer.js'
import { DEFAULT_BROKER_HOSTNAMES, getSharedTestCertificates, type TestCertificates } from './test-certificates.js'

export interface StartBrokerOptions {
  /** Address every listener binds to; default `127.0.0.1` (loopback only). */
  host?: string
  /** Plain MQTT port; default 0 (ephemeral). */
  tcpPort?: number
  /** MQTT over TLS port; default 0 (ephemeral). */
  tlsPort?: number
  /** MQTT over TLS requiring a client certificate signed by the CA; default 0 (ephemeral), `false` for none. */
  mtlsPort?: number | false
  /** Names the server certificate is for; default localhost, 127.0.0.1, ::1. Ignored with `certificates`. */
  hostnames?: string[]
  /** When given, only these user names with these passwords may connect (others get CONNACK 4). */
  users?: Record<string, string>
  /** Certificates to serve; default: generated once per process for `hostnames`. */
  certificates?: TestCertificates
}

/** A message atseq publishes through the broker, e.g. to a modem's subscription. */
export interface PublishRequest {
  topic: string
  payload: string | Buffer
  qos?: 0 | 1 | 2
  retain?: boolean
}

/** A running in-process MQTT broker with its listeners, certificates and observer. */
export interface EmbeddedBroker {
  host: string
  tcpPort: number
  tlsPort: number
  mtlsPort?: number
  /** The CA (PEM) that signed the server and client certificates. */
  ca: string
  clientCert: string
  clientKey: string
  observer: BrokerObserver
  publish(msg: PublishRequest): Promise<void>
  /** Disconnects every client, closes the listeners and the broker. Idempotent. */
  close(): Promise<void>
}

/** MQTT CONNACK return code 4: bad user name or password. */
const CONNACK_BAD_USERNAME_OR_PASSWORD = 4

/** Starts an aedes broker on TCP, TLS and (unless `mtlsPort: false`) mutual TLS, bound to loopback by default. */
export async function startBroker(opts: StartBrokerOptions = {}): Promise<EmbeddedBroker> {
  const host = opts.host ?? '127.0.0.1'
  const certificates =
    opts.certificates ?? (await getSharedTestCertificates({ hostnames: opts.hostnames ?? [...DEFAULT_BROKER_HOSTNAMES] }))
  const { observer, record } = createBrokerObserver()
  const aedes = await createAedes(opts.users, record)
  const listeners = new Listeners()
  try {
    const tcpPort = await listeners.listen(
      createTcpServer(socket => aedes.handle(socket)),
      opts.tcpPort ?? 0,
      host,
    )
    const tlsPort = await listeners.listen(
      createTlsServer(describeTls(certificates, false), socket => aedes.handle(socket)),
      opts.tlsPort ?? 0,
      host,
    )
    const mtlsPort =
      opts.mtlsPort === false
        ? undefined
        : await listeners.listen(
            createTlsServer(describeTls(certificates, true), socket => aedes.handle(socket)),
            opts.mtlsPort ?? 0,
            host,
          )
    let closing: Promise<void> | undefined
    return {
      host,
      tcpPort,
      tlsPort,
      ...(mtlsPort === undefined ? {} : { mtlsPort }),
      ca: certificates.ca,
      clientCert: certificates.clientCert,
      clientKey: certificates.clientKey,
      observer,
      publish: msg => publishFromBroker(aedes, msg),
      close: () => (closing ??= closeBroker(aedes, listeners)),
    }
  } catch (error) {
    await closeBroker(aedes, listeners)
    throw new Error(`could not start the embedded broker on ${host}`, { cause: error })
  }
}

async function createAedes(users: Record<string, string> | undefined, record: (m: ObservedMessage) => void): Promise<Aedes> {
  // A will reaches authorizePublish as the very object stored on the client, which is how it is told apart.
  const wills = new WeakSet<object>()
  const aedes = await Aedes.createBroker({
    ...(users === undefined ? {} : { authenticate: createAuthenticate(users) }),
    authorizePublish: (client, packet, callback) => {
      if (packet.topic.startsWith('$SYS/')) return callback(new Error('$SYS/ topics are reserved for the broker'))
      if (client !== null && packet === readWill(client)) wills.add(packet)
      callback(null)
    },
  })
  aedes.on('publish', (packet, client) => {
    if (packet.topic.startsWith('$SYS/')) return
    record(toObservedMessage(packet, client, wills.has(packet)))
  })
  return aedes
}

function readWill(client: Client): unknown {
  return (client as Client & { will?: unknown }).will
}

function createAuthenticate(users: Record<string, string>) {
  return (
    _client: Client,
    username: string | undefined,
    password: Buffer | undefined,
    done: (error: AuthenticateError | null, success: boolean | null) => void,
  ): void => {
    if (isKnownUser(users, username, password)) return done(null, true)
    const error = Object.assign(new Error('bad user name or password'), { returnCode: CONNACK_BAD_USERNAME_OR_PASSWORD })
    done(error as AuthenticateError, false)
  }
}

function isKnownUser(users: Record<string, string>, username: string | undefined, password: Buffer | undefined): boolean {
  if (username === undefined || !Object.hasOwn(users, username)) return false
  return password !== undefined && password.toString('utf8') === users[username]
}

function toObservedMessage(packet: AedesPublishPacket, client: Client | null, isWill: boolean): ObservedMessage {
  const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : Buffer.from(packet.payload)
  return {
    topic: packet.topic,
    payload,
    qos: packet.qos,
    retain: packet.retain,
    isWill,
    atMs: Date.now(),
    ...(client === null ? {} : { clientId: client.id }),
  }
}

function describeTls(certificates: TestCertificates, requireClientCert: boolean): TlsOptions {
  const base: TlsOptions = { cert: certificates.serverCert, key: certificates.serverKey }
  return requireClientCert ? { ...base, ca: certificates.ca, requestCert: true, rejectUnauthorized: true } : base
}

function publishFromBroker(aedes: Aedes, msg: PublishRequest): Promise<void> {
  const packet: PublishPacket = {
    cmd: 'publish',
    topic: msg.topic,
    payload: Buffer.from(msg.payload),
    qos: msg.qos ?? 0,
    retain: msg.retain ?? false,
    dup: false,
  }
  return new Promise((resolve, reject) => {
    aedes.publish(packet, error => (error ? reject(error) : resolve()))
  })
}

/** The broker's servers and every socket they accepted, so closing never waits on a lingering client. */
class Listeners {
  private readonly servers: Server[] = []
  private readonly sockets = new Set<Socket>()

  async listen(server: Server, port: number, host: string): Promise<number> {
    this.servers.push(server)
    server.on('connection', (socket: Socket) => this.track(socket))
    server.listen(port, host)
    await once(server, 'listening')
    return (server.address() as AddressInfo).port
  }

  private track(socket: Socket): void {
    // MQTT packets are small and answered at once: without this, Nagle and delayed ACK add ~40 ms per TLS exchange.
    socket.setNoDelay(true)
    this.sockets.add(socket)
    socket.once('close', () => this.sockets.delete(socket))
  }

  async close(): Promise<void> {
    const closed = this.servers
      .filter(server => server.listening)
      .map(server => new Promise<void>(resolve => server.close(() => resolve())))
    for (const socket of this.sockets) socket.destroy()
    await Promise.all(closed)
  }
}

async function closeBroker(aedes: Aedes, listeners: Listeners): Promise<void> {
  await new Promise<void>(resolve => aedes.close(() => resolve()))
  await listeners.close()
}
