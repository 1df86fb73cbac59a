/** The Quectel commands lint and the importer know, and the URCs that never answer a command. */
import type { CommandInfo } from '../../modem-family.js'
import { STANDARD_COMMANDS } from '../standard-commands.js'

const OTHER_COMMANDS = [
  '+QMTCFG',
  '+QMTOPEN',
  '+QMTCLOSE',
  '+QMTCONN',
  '+QMTDISC',
  '+QMTSUB',
  '+QMTUNS',
  '+QMTRECV',
  '+QICSGP',
  '+QIACT',
  '+QIDEACT',
  '+QIOPEN',
  '+QICLOSE',
  '+QIRD',
  '+QISTATE',
  '+QIGETERROR',
  '+QIDNSGIP',
  '+QSSLCFG',
  '+QFUPL',
  '+QFLST',
  '+QFDEL',
  '+QCCID',
  '+QNWINFO',
  '+QCSQ',
  // TS 27.005 commands the SMS service answers besides the standard set.
  '+CSMS',
  '+CSMP',
  '+CSDH',
  '+CMSS',
  '+CNMA',
]

export const QUECTEL_COMMANDS: readonly CommandInfo[] = [
  // The fixed-length forms: `AT+QMTPUB=<client>,<msgID>,<qos>,<retain>,"<topic>",<msglen>` reads exactly msglen
  // bytes at the prompt (the form without a length ends with Ctrl-Z); `AT+QISEND=<id>,<len>` likewise.
  { name: '+QMTPUB', promptLengthParam: 5 },
  { name: '+QMTPUBEX', promptLengthParam: 5 },
  { name: '+QISEND', promptLengthParam: 1 },
  ...OTHER_COMMANDS.map(name => ({ name })),
  ...STANDARD_COMMANDS,
]

export const QUECTEL_UNSOLICITED_ONLY: readonly string[] = ['+QMTRECV', '+QMTSTAT', '+QIURC', '+QIND', 'RDY', 'APP RDY']
