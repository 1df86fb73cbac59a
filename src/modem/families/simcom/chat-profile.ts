/** The SIMCom A76XX / SIM7600 chat: a bare `\r\n>` prompt, the CMQTT and TCP/IP URCs, and their payloads read by length. */
import type { ChatProfile } from '../../chat-profile.js'
import { COMMON_URCS } from '../../common-urcs.js'
import { CCH_URCS } from './cch-urcs.js'
import { SIMCOM_FTP_URCS } from './ftp-urcs.js'

export const SIMCOM_CHAT_PROFILE: ChatProfile = {
  name: 'simcom-a76xx',
  prompt: '>',
  // AT+HTTPDATA invites its data with a `DOWNLOAD` line instead of the `>` prompt.
  promptLines: ['DOWNLOAD'],
  maxPayloadBytes: 64 * 1024,
  urcs: [
    { name: '+CMQTTRXSTART' },
    { name: '+CMQTTRXTOPIC', payloadLengthParam: 1 },
    { name: '+CMQTTRXPAYLOAD', payloadLengthParam: 1 },
    { name: '+CMQTTRXEND' },
    { name: '+CMQTTCONNLOST' },
    { name: '+CMQTTNONET' },
    { name: '+CMQTTPING' },
    { name: '+CMQTTNOCONN' },
    { name: '+CMQTTRECV' },
    // Results of asynchronous operations: they follow OK (or come before it, as the seed shows for START).
    { name: '+CMQTTSTART' },
    { name: '+CMQTTSTOP' },
    { name: '+CMQTTCONNECT' },
    { name: '+CMQTTDISC' },
    { name: '+CMQTTPUB' },
    { name: '+CMQTTSUB' },
    { name: '+CMQTTUNSUB' },
    // TCP/IP (A76XX TCP/IP application note): pushed data is `RECV FROM:<ip>:<port>` then `+IPD<len>` and the
    // bytes; AT+CIPRXGET=2 answers `+CIPRXGET: 2,<link>,<len>,<rest>` and the bytes.
    { name: 'RECV FROM' },
    { name: '+IPD', lengthInName: true },
    { name: '+CIPRXGET', payloadLengthParam: 2, payloadWhen: { param: 0, text: '2' } },
    { name: '+IPCLOSE' },
    { name: '+CIPEVENT' },
    { name: '+NETOPEN' },
    { name: '+NETCLOSE' },
    { name: '+CIPOPEN' },
    { name: '+CIPSEND' },
    { name: '+CIPCLOSE' },
    // Transparent mode (AT+CIPMODE=1): the link's end is a bare `CLOSED` line (SIM7600 TCP/IP application note 9.1.2).
    { name: 'CLOSED' },
    // SMS (TS 27.005 §3.4.1): a stored message `+CMTI: "SM",<index>`; one shown at once `+CMT: ...` and, on the
    // next line, its text or PDU in hex; a status report `+CDS: ...` (text mode) or `+CDS: <length>` and the PDU.
    { name: '+CMTI' },
    { name: '+CMT', payloadIsNextLine: true },
    { name: '+CDS', payloadIsNextLine: true, payloadParamCount: 1 },
    ...CCH_URCS,
    // HTTP(S): `+HTTPACTION: <method>,<status>,<len>` follows OK; AT+HTTPHEAD answers `+HTTPHEAD: <len>` and the
    // header bytes; AT+HTTPREAD=<offset>,<len> prints blocks `+HTTPREAD: <len>` (SIM7600: `+HTTPREAD: DATA,<len>`)
    // and their bytes after OK, ended by `+HTTPREAD: 0`.
    { name: '+HTTPACTION' },
    { name: '+HTTPHEAD', payloadLengthParam: 0 },
    { name: '+HTTPREAD', payloadLengthParam: 0, zeroLengthEnds: true },
    { name: '+HTTPREAD', payloadLengthParam: 1, payloadWhen: { param: 0, text: 'DATA' } },
    { name: '+HTTP_PEER_CLOSED' },
    { name: '+HTTP_NONET_EVENT' },
    // Boot banners: SIM7600 `RDY`, `+CPIN: READY`, `SMS DONE`, `PB DONE`; A76XX `*ATREADY: 1`, `+CPIN: READY`,
    // `SMS DONE`, `+CGEV: EPS PDN ACT 1`, `PB DONE` (+CPIN and +CGEV are common URCs).
    { name: 'RDY' },
    { name: '*ATREADY' },
    { name: 'SMS DONE' },
    { name: 'SMS Ready' },
    { name: 'PB DONE' },
    // What the network stack reports when it goes down under a running service (e.g. AT+CRESET).
    { name: '+CIPEVENT' },
    { name: '+CGNSSPWR' },
    ...SIMCOM_FTP_URCS,
    ...COMMON_URCS,
  ],
}
