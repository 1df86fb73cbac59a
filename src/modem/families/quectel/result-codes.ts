/**
 * Which Quectel lines carry a result code, and where (Quectel MQTT and TCP/IP application notes, as collected
 * in the project's reference notes): `+QMTOPEN: <client>,<result>`, `+QMTCONN: <client>,<result>[,<ret_code>]`,
 * `+QMTPUB: <client>,<msgID>,<result>[,<value>]`, `+QMTSTAT: <client>,<err_code>` and their siblings.
 */
import type { ResultCodeRule } from '../../modem-family.js'

const OPEN_RESULTS: Readonly<Record<number, string>> = {
  [-1]: 'failed to open network',
  0: 'network opened',
  1: 'wrong parameter',
  2: 'MQTT identifier is occupied',
  3: 'failed to activate PDP',
  4: 'failed to parse domain name',
  5: 'network connection error',
}

const PACKET_RESULTS: Readonly<Record<number, string>> = {
  0: 'packet sent and ACK received',
  1: 'packet retransmission',
  2: 'failed to send packet',
}

const CONNACK_CODES: Readonly<Record<number, string>> = {
  0: 'connection accepted',
  1: 'connection refused: unacceptable protocol version',
  2: 'connection refused: identifier rejected',
  3: 'connection refused: server unavailable',
  4: 'connection refused: bad user name or password',
  5: 'connection refused: not authorized',
}

const CLOSE_RESULTS: Readonly<Record<number, string>> = { [-1]: 'failed', 0: 'succeeded' }

const STAT_CODES: Readonly<Record<number, string>> = {
  1: 'connection closed or reset by peer',
  2: 'sending PINGREQ timed out or failed',
  3: 'sending CONNECT timed out or failed',
  4: 'receiving CONNACK timed out or failed',
  5: 'the client sent DISCONNECT and the server closed the link',
  6: 'the client closed the link because sending packets kept failing',
  7: 'the link is not alive or the server is unavailable',
}

export const QUECTEL_RESULT_CODES: readonly ResultCodeRule[] = [
  { name: '+QMTOPEN', params: 2, codeParam: 1, meanings: OPEN_RESULTS },
  { name: '+QMTCLOSE', params: 2, codeParam: 1, meanings: CLOSE_RESULTS },
  { name: '+QMTDISC', params: 2, codeParam: 1, meanings: CLOSE_RESULTS },
  { name: '+QMTCONN', params: 2, codeParam: 1, meanings: PACKET_RESULTS },
  // With a third parameter the broker answered: its CONNACK return code is what tells why.
  { name: '+QMTCONN', params: 3, codeParam: 2, meanings: CONNACK_CODES },
  ...['+QMTPUB', '+QMTPUBEX', '+QMTSUB', '+QMTUNS'].flatMap(name => [
    { name, params: 3, codeParam: 2, meanings: PACKET_RESULTS },
    { name, params: 4, codeParam: 2, meanings: PACKET_RESULTS },
  ]),
  { name: '+QMTSTAT', params: 2, codeParam: 1, meanings: STAT_CODES },
]
