/**
 * The Quectel BG95/BG96 (LPWA) and EC2x/EG2x (LTE Standard) chat: a `> ` prompt, results of MQTT and TCP/IP
 * operations as URCs after `OK`, received MQTT messages in one `+QMTRECV` line (its payload read by length when the
 * line gives one), and TCP/UDP data pushed as `+QIURC: "recv",<id>,<len>` followed by the bytes.
 */
import type { ChatProfile } from '../../chat-profile.js'
import { COMMON_URCS } from '../../common-urcs.js'

export const QUECTEL_CHAT_PROFILE: ChatProfile = {
  name: 'quectel',
  // Most firmwares print `> ` with a space; the reference could not confirm the byte, see docs/quectel-reference-notes.md.
  prompt: '> ',
  maxPayloadBytes: 64 * 1024,
  // AT+QISEND's data ends with one of these instead of OK (TCP/IP application note; TinyGSM issue #475 shows SEND OK).
  finalResults: ['SEND OK', 'SEND FAIL'],
  urcs: [
    // Boot and state notifications.
    { name: 'RDY' },
    { name: 'APP RDY' },
    { name: 'POWERED DOWN' },
    { name: '+CFUN' },
    { name: '+QIND' },
    { name: '+QUSIM' },
    // MQTT: every outcome comes as a URC after OK.
    { name: '+QMTOPEN' },
    { name: '+QMTCLOSE' },
    { name: '+QMTCONN' },
    { name: '+QMTDISC' },
    { name: '+QMTSUB' },
    { name: '+QMTUNS' },
    { name: '+QMTPUB' },
    { name: '+QMTPUBEX' },
    // With AT+QMTCFG="recv/mode",<idx>,<mode>,1 the payload length precedes the quoted payload, which is then read
    // by length inside the line; without it a payload holding CR LF cannot be framed (see the Quectel notes).
    { name: '+QMTRECV', payloadInLine: true },
    { name: '+QMTSTAT' },
    // TCP/IP.
    { name: '+QIOPEN' },
    { name: '+QIURC', payloadLengthParam: 2, payloadWhen: { param: 0, text: '"recv"' } },
    // AT+QIRD=<id>[,<len>] answers `+QIRD: <n>`, then the n bytes (TinyGSM issue #475 shows the BG96 doing so).
    { name: '+QIRD', payloadLengthParam: 0, payloadParamCount: 1 },
    ...COMMON_URCS,
  ],
}
