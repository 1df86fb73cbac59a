/** Values the MQTT service's state and its link to the broker share. */

export type QoS = 0 | 1 | 2

export interface QueuedTopic {
  topic: Buffer
  qos: QoS
}
