/**
 * Everything the simulated modem remembers between commands, as plain data.
 * A reboot replaces the whole object (only the certificate files, kept in flash, survive).
 */
import type { SimProfile } from './profile.js'
import type { MqttLink } from './network/mqtt-link.js'

/** One SSL context of AT+CSSLCFG (0..9). */
export interface SslContext {
  sslVersion: number
  authMode: number
  ignoreLocalTime: number
  negotiateTimeS: number
  caCert?: string
  clientCert?: string
  clientKey?: string
  enableSni: number
}

export type QoS = 0 | 1 | 2

export interface QueuedTopic {
  topic: Buffer
  qos: QoS
}

/** The MQTT session of an acquired client, from AT+CMQTTCONNECT until it ends. */
export interface MqttSession {
  phase: 'connecting' | 'connected' | 'disconnecting'
  serverAddr: string
  keepaliveS: number
  clean: 0 | 1
  user?: string
  password?: string
  link?: MqttLink
}

/** A client slot taken with AT+CMQTTACCQ. */
export interface MqttClientSlot {
  clientId: string
  serverType: 0 | 1
  mqttVersion: 3 | 4
  checkUtf8: boolean
  opTimeoutS: number
  willTopic?: Buffer
  willMessage?: Buffer
  willQos: QoS
  pubTopic?: Buffer
  pubPayload?: Buffer
  subTopics: QueuedTopic[]
  unsubTopics: Buffer[]
  session?: MqttSession
}

export interface PdpContext {
  type: string
  apn: string
}

export interface ModemState {
  echo: boolean
  cmee: 0 | 1 | 2
  simPresent: boolean
  networkUp: boolean
  rssi: number
  ber: number
  creg: number
  cgreg: number
  cereg: number
  pdp: Map<number, PdpContext>
  activePdp: Set<number>
  mqttStarted: boolean
  clients: Array<MqttClientSlot | undefined>
  /** The SSL context each client index uses (AT+CMQTTSSLCFG); may be set before AT+CMQTTACCQ. */
  clientSslContexts: number[]
  ssl: SslContext[]
}

/** The state right after power-up. */
export function createModemState(profile: SimProfile, simPresent = true): ModemState {
  const { defaults, limits } = profile
  return {
    echo: defaults.echo,
    cmee: defaults.cmee,
    simPresent,
    networkUp: simPresent,
    rssi: defaults.rssi,
    ber: defaults.ber,
    creg: 0,
    cgreg: 0,
    cereg: 0,
    pdp: new Map([[1, { type: 'IP', apn: defaults.apn }]]),
    activePdp: new Set(),
    mqttStarted: false,
    clients: Array.from({ length: limits.mqttClients }, () => undefined),
    clientSslContexts: Array.from({ length: limits.mqttClients }, () => 0),
    ssl: Array.from({ length: limits.sslContexts }, createSslContext),
  }
}

function createSslContext(): SslContext {
  return { sslVersion: 4, authMode: 0, ignoreLocalTime: 1, negotiateTimeS: 300, enableSni: 0 }
}

/** A fresh client slot as AT+CMQTTACCQ leaves it. */
export function createClientSlot(clientId: string, serverType: 0 | 1, mqttVersion: 3 | 4): MqttClientSlot {
  return {
    clientId, serverType, mqttVersion, checkUtf8: true, opTimeoutS: 120,
    willQos: 0, subTopics: [], unsubTopics: [],
  }
}

/** Network registration status as +CREG/+CGREG/+CEREG report it: 1 home, 0 not searching (no SIM), 2 searching. */
export function registrationStatus(state: ModemState): number {
  if (!state.simPresent) return 0
  return state.networkUp ? 1 : 2
}
