/**
 * Which SIMCom lines carry a result code, and where: `+CMQTT<cmd>: <client>,<err>` and `+CMQTTSTART: <err>`
 * use the MQTT(S) error table, `+CMQTTCONNLOST: <client>,<cause>` its own causes. Payload headers
 * (`+CMQTTRXPAYLOAD: 0,8`) carry lengths, not codes, and are not listed.
 */
import type { ResultCodeRule } from '../../modem-family.js'
import { CCH_RESULT_CODES } from './cch-result-codes.js'
import { CONNLOST_CAUSE_TEXTS, MQTT_ERR_TEXTS } from './mqtt-codes.js'
import { HTTP_STATUS_TEXTS } from './http-codes.js'
import { IPCLOSE_REASON_TEXTS, TCPIP_ERR_TEXTS } from './tcpip-codes.js'
import { FTPS_ERR_TEXTS, FTPS_RESULT_LINES } from './ftp-codes.js'

const CLIENT_RESULT_LINES = [
  '+CMQTTACCQ',
  '+CMQTTREL',
  '+CMQTTSSLCFG',
  '+CMQTTWILLTOPIC',
  '+CMQTTWILLMSG',
  '+CMQTTDELWILL',
  '+CMQTTCONNECT',
  '+CMQTTDISC',
  '+CMQTTSUBTOPIC',
  '+CMQTTSUB',
  '+CMQTTUNSUBTOPIC',
  '+CMQTTUNSUB',
  '+CMQTTTOPIC',
  '+CMQTTPAYLOAD',
  '+CMQTTPUB',
  '+CMQTTCFG',
  '+CMQTTPING',
]

export const SIMCOM_RESULT_CODES: readonly ResultCodeRule[] = [
  { name: '+CMQTTSTART', params: 1, codeParam: 0, meanings: MQTT_ERR_TEXTS },
  { name: '+CMQTTSTOP', params: 1, codeParam: 0, meanings: MQTT_ERR_TEXTS },
  ...CLIENT_RESULT_LINES.map(name => ({ name, params: 2, codeParam: 1, meanings: MQTT_ERR_TEXTS })),
  { name: '+CMQTTCONNLOST', params: 2, codeParam: 1, meanings: CONNLOST_CAUSE_TEXTS },
  { name: '+NETOPEN', params: 1, codeParam: 0, meanings: TCPIP_ERR_TEXTS },
  { name: '+NETCLOSE', params: 1, codeParam: 0, meanings: TCPIP_ERR_TEXTS },
  { name: '+CIPOPEN', params: 2, codeParam: 1, meanings: TCPIP_ERR_TEXTS },
  { name: '+CIPCLOSE', params: 2, codeParam: 1, meanings: TCPIP_ERR_TEXTS },
  { name: '+CIPERROR', params: 1, codeParam: 0, meanings: TCPIP_ERR_TEXTS },
  { name: '+IPCLOSE', params: 2, codeParam: 1, meanings: IPCLOSE_REASON_TEXTS },
  ...CCH_RESULT_CODES,
  ...FTPS_RESULT_LINES.map(name => ({ name, params: 1, codeParam: 0, meanings: FTPS_ERR_TEXTS })),
  { name: '+CFTPSGET', params: 1, codeParam: 0, meanings: FTPS_ERR_TEXTS },
  { name: '+CFTPSLIST', params: 1, codeParam: 0, meanings: FTPS_ERR_TEXTS },
  // `+HTTPACTION: <method>,<statuscode>,<datalen>`: the server's status, or the module's 7xx `<errcode>`.
  { name: '+HTTPACTION', params: 3, codeParam: 1, meanings: HTTP_STATUS_TEXTS },
]
