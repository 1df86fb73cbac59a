/** The MQTT service's part of the modem state: whether it runs, its client slots and their sessions. */
import type { SimProfile } from '../../profile.js'
import type { MqttLink } from './mqtt-link.js'
import type { QoS, QueuedTopic } from './mqtt-types.js'

export type { QoS, QueuedTopic } from './mqtt-types.js'

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
  /** AT+CMQTTCFG="aliauth": product key, device name, device secret. */
  aliAuth?: [string, string, string]
  session?: MqttSession
}

export interface MqttState {
  mqttStarted: boolean
  clients: Array<MqttClientSlot | undefined>
  /**
   * The SSL context bound to each client index (AT+CMQTTSSLCFG); may be set before AT+CMQTTACCQ. Unbound, a client
   * uses the context numbered like itself; a failed AT+CMQTTCONNECT and AT+CMQTTDISC clear the binding.
   */
  clientSslContexts: Array<number | undefined>
}

/** The MQTT service right after power-up: stopped, every slot free. */
export function createMqttState(profile: SimProfile): MqttState {
  const { mqttClients } = profile.limits
  return {
    mqttStarted: false,
    clients: Array.from({ length: mqttClients }, () => undefined),
    clientSslContexts: Array.from({ length: mqttClients }, () => undefined),
  }
}

/** AT+CMQTTCFG="optimeout" until it is set (s). */
export const DEFAULT_OP_TIMEOUT_S = 120

/** The SSL context client `idx` uses: the bound one, else the one numbered like the client (A76XX manual 18.2.2). */
export function selectSslContext(state: MqttState, idx: number): number {
  return state.clientSslContexts[idx] ?? idx
}

/** A fresh client slot as AT+CMQTTACCQ leaves it. */
export function createClientSlot(clientId: string, serverType: 0 | 1, mqttVersion: 3 | 4): MqttClientSlot {
  return {
    clientId,
    serverType,
    mqttVersion,
    checkUtf8: true,
    opTimeoutS: DEFAULT_OP_TIMEOUT_S,
    willQos: 0,
    subTopics: [],
    unsubTopics: [],
  }
}
