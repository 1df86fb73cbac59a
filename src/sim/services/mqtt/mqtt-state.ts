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
  session?: MqttSession
}

export interface MqttState {
  mqttStarted: boolean
  clients: Array<MqttClientSlot | undefined>
  /** The SSL context each client index uses (AT+CMQTTSSLCFG); may be set before AT+CMQTTACCQ. */
  clientSslContexts: number[]
}

/** The MQTT service right after power-up: stopped, every slot free. */
export function createMqttState(profile: SimProfile): MqttState {
  const { mqttClients } = profile.limits
  return {
    mqttStarted: false,
    clients: Array.from({ length: mqttClients }, () => undefined),
    clientSslContexts: Array.from({ length: mqttClients }, () => 0),
  }
}

/** A fresh client slot as AT+CMQTTACCQ leaves it. */
export function createClientSlot(clientId: string, serverType: 0 | 1, mqttVersion: 3 | 4): MqttClientSlot {
  return {
    clientId,
    serverType,
    mqttVersion,
    checkUtf8: true,
    opTimeoutS: 120,
    willQos: 0,
    subTopics: [],
    unsubTopics: [],
  }
}
