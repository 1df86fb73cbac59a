/** The SIMCom commands lint and the importer know, and the URCs that never answer a command. */
import type { CommandInfo } from '../../modem-family.js'

const PROMPT_BY_LENGTH = [
  '+CMQTTWILLTOPIC',
  '+CMQTTWILLMSG',
  '+CMQTTTOPIC',
  '+CMQTTPAYLOAD',
  '+CMQTTSUBTOPIC',
  '+CMQTTUNSUBTOPIC',
  '+CMQTTSUB',
  '+CMQTTUNSUB',
  '+CCERTDOWN',
  '+CIPSEND',
]

const OTHER_COMMANDS = [
  '+CMQTTSTART',
  '+CMQTTSTOP',
  '+CMQTTACCQ',
  '+CMQTTREL',
  '+CMQTTSSLCFG',
  '+CMQTTDELWILL',
  '+CMQTTPUB',
  '+CMQTTCONNECT',
  '+CMQTTDISC',
  '+CMQTTCFG',
  '+CSQ',
  '+CREG',
  '+CGREG',
  '+CEREG',
  '+CGACT',
  '+CGDCONT',
  '+CSSLCFG',
  '+CCERTLIST',
  '+CGMR',
  '+CPSI',
  '+CGATT',
  '+CGPADDR',
  '+COPS',
  '+NETOPEN',
  '+NETCLOSE',
  '+CIPOPEN',
  '+CIPCLOSE',
  '+CIPRXGET',
  '+CIPHEAD',
  '+CIPSRIP',
  '+CIPMODE',
  '+IPADDR',
  '+CDNSGIP',
]

export const SIMCOM_COMMANDS: readonly CommandInfo[] = [
  // Parameter 2 (index 1) of each gives how many bytes the `>` prompt reads.
  ...PROMPT_BY_LENGTH.map(name => ({ name, promptLengthParam: 1 })),
  ...OTHER_COMMANDS.map(name => ({ name })),
]

export const SIMCOM_UNSOLICITED_ONLY: readonly string[] = [
  '+CMQTTRXSTART',
  '+CMQTTRXTOPIC',
  '+CMQTTRXPAYLOAD',
  '+CMQTTRXEND',
  '+CMQTTCONNLOST',
  '+CMQTTNONET',
  '+CMQTTPING',
  '+CMQTTNOCONN',
  'RECV FROM',
  '+IPD',
  '+IPCLOSE',
  '+CIPEVENT',
  '+CPIN',
]
