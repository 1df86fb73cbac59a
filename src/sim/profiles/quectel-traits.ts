/**
 * What only Quectel modules have, as data: the limits and firmware differences of the AT+QMT*, AT+QI*, AT+QSSLCFG
 * and AT+QF* services. Each value and its evidence is listed in docs/quectel-reference-notes.md.
 */

/** Limits and differences of the Quectel MQTT client (AT+QMT*). */
export interface QuectelMqttTraits {
  /** Client indexes 0..clients-1. */
  clients: number
  /** Largest PUBLISH payload at the `> ` prompt, in bytes. */
  payloadBytes: number
  /** Longest host name AT+QMTOPEN takes, in bytes. */
  hostBytes: number
  /** Longest will topic and will message of AT+QMTCFG="will", in bytes each. */
  willBytes: number
  /** Messages kept per client in buffer mode (AT+QMTCFG="recv/mode",<idx>,1), read with AT+QMTRECV. */
  recvBuffers: number
  /** Topic and QoS pairs one AT+QMTSUB (or topics one AT+QMTUNS) may carry. */
  topicsPerRequest: number
  /** AT+QMTPUB takes a 6th parameter, the payload length read at the prompt instead of up to Ctrl-Z. */
  pubWithLength: boolean
  /** The module has AT+QMTPUBEX (a fixed-length publish of its own). */
  pubEx: boolean
  /** AT+QMTCFG="recv/mode" takes the second value, msg_len_enable (the payload length in +QMTRECV). */
  recvLengthOption: boolean
}

/** Limits of the Quectel TCP/IP stack (AT+QI*). */
export interface QuectelTcpipTraits {
  /** Socket connect IDs 0..connections-1. */
  connections: number
  /** Largest AT+QISEND block, in bytes. */
  sendBytes: number
  /** Largest AT+QIRD read, in bytes. */
  readBytes: number
  /** PDP context ids 1..contexts. */
  contexts: number
}

export interface QuectelTraits {
  mqtt: QuectelMqttTraits
  tcpip: QuectelTcpipTraits
}
