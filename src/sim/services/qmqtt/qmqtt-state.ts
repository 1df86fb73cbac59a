/** The Quectel MQTT client's part of the modem state: each client's AT+QMTCFG settings and its open link. */
import type { Socket } from 'node:net'
import type { SimProfile } from '../../profile.js'
import type { QmtSession } from './qmqtt-session.js'
import type { QmtWill } from './qmqtt-types.js'

export type { QmtWill, QoS } from './qmqtt-types.js'

/** One client's AT+QMTCFG settings; they apply at the next AT+QMTOPEN / AT+QMTCONN. */
export interface QmtConfig {
  version: 3 | 4
  pdpCid: number
  ssl: { enabled: boolean; context: number }
  keepaliveS: number
  clean: boolean
  timeout: { packetS: number; retries: number; notice: boolean }
  will?: QmtWill
  recv: { buffered: boolean; withLength: boolean }
}

/** A message the broker delivered, as +QMTRECV shows it. */
export interface QmtMessage {
  msgId: number
  topic: string
  payload: Buffer
}

/** A client's network link from AT+QMTOPEN until it ends, and the MQTT session over it from AT+QMTCONN. */
export interface QmtLink {
  phase: 'opening' | 'open' | 'connecting' | 'connected' | 'disconnecting'
  host: string
  port: number
  socket?: Socket
  /** Stops watching the open socket, once the MQTT session takes it over. */
  unwatch?: () => void
  session?: QmtSession
  /** Buffer mode: messages waiting for AT+QMTRECV, by recv_id. */
  buffered: Array<QmtMessage | undefined>
}

export interface QmqttState {
  qmtConfigs: QmtConfig[]
  qmtLinks: Array<QmtLink | undefined>
}

/** The MQTT client right after power-up: default settings, no links (settings are not kept across a reboot). */
export function createQmqttState(profile: SimProfile): QmqttState {
  const clients = profile.quectel?.mqtt.clients ?? 0
  return {
    qmtConfigs: Array.from({ length: clients }, () => createConfig(profile)),
    qmtLinks: Array.from({ length: clients }, () => undefined),
  }
}

function createConfig(profile: SimProfile): QmtConfig {
  return {
    version: profile.defaults.mqttVersion,
    pdpCid: 1,
    ssl: { enabled: false, context: 0 },
    keepaliveS: 120,
    clean: true,
    timeout: { packetS: 5, retries: 3, notice: false },
    recv: { buffered: false, withLength: false },
  }
}

/** How long one packet may wait for its acknowledgement, retries included (AT+QMTCFG="timeout"), in ms. */
export function describePacketTimeoutMs(config: QmtConfig): number {
  return config.timeout.packetS * (config.timeout.retries + 1) * 1000
}
