/** Values the Quectel MQTT client's state and its session share. */

export type QoS = 0 | 1 | 2

/** AT+QMTCFG="will": sent with CONNECT while set. */
export interface QmtWill {
  qos: QoS
  retain: boolean
  topic: string
  message: string
}
