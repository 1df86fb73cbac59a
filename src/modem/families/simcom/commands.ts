/** The SIMCom commands lint and the importer know, and the URCs that never answer a command. */
import type { CommandInfo } from '../../modem-family.js'
import { STANDARD_COMMANDS } from '../standard-commands.js'
import { CCH_UNSOLICITED_ONLY } from './cch-urcs.js'

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
  '+CFTPSPUT',
  '+CFTRANRX',
  '+CCHSEND',
]

/** FTP(S) client, SSL channel (CCH) and file system (`F:`/`C:`) commands of the A76XX AT manual. */
function listFileTransferCommands(): string[] {
  const ftps = [
    'START',
    'STOP',
    'LOGIN',
    'LOGOUT',
    'GET',
    'LIST',
    'TYPE',
    'SINGLEIP',
    'CWD',
    'PWD',
    'MKD',
    'RMD',
    'DELE',
    'SIZE',
    'CACHERD',
    'GETFILE',
    'PUTFILE',
    'SSLCFG',
    'ABORT',
  ]
  const cch = ['START', 'STOP', 'OPEN', 'CLOSE', 'RECV', 'SET', 'MODE', 'SSLCFG', 'ADDR', 'CFG']
  const fs = ['CD', 'LS', 'MKDIR', 'RMDIR', 'DEL', 'RENAME', 'ATTRI', 'MEM', 'LOCA', 'COPY']
  return [...ftps.map(n => `+CFTPS${n}`), ...cch.map(n => `+CCH${n}`), ...fs.map(n => `+FS${n}`), '+CFTRANTX']
}

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
  '+CPIN',
  '+CICCID',
  '+CRESET',
  '+CCERTDELE',
  // TS 27.005 beyond the standard set: service, text-mode parameters and headers, send from storage
  '+CSMS',
  '+CSMP',
  '+CSDH',
  '+CMSS',
  '+CNMA',
  ...['+HTTPINIT', '+HTTPTERM', '+HTTPPARA', '+HTTPACTION', '+HTTPHEAD', '+HTTPREAD', '+HTTPPOSTFILE', '+HTTPREADFILE'],
  ...listFileTransferCommands(),
]

export const SIMCOM_COMMANDS: readonly CommandInfo[] = [
  // Parameter 2 (index 1) of each gives how many bytes the `>` prompt reads.
  ...PROMPT_BY_LENGTH.map(name => ({ name, promptLengthParam: 1 })),
  // AT+HTTPDATA=<size>,<time>: the size comes first, and `DOWNLOAD` is its prompt.
  { name: '+HTTPDATA', promptLengthParam: 0 },
  ...OTHER_COMMANDS.map(name => ({ name })),
  ...STANDARD_COMMANDS.filter(c => !OTHER_COMMANDS.includes(c.name)),
]

/** Command names only SIMCom modems use: a table that has them is a SIMCom table. */
export const SIMCOM_COMMAND_PREFIXES: readonly string[] = ['+CMQTT', '+CFTPS', '+CCH']

/** Lines followed by a payload whose byte count is one of their parameters (0-based), as the manual shows them. */
export const SIMCOM_PAYLOAD_LINES: ReadonlyArray<{ name: string; lengthParam: number; marker?: string }> = [
  { name: '+CMQTTRXTOPIC', lengthParam: 1 },
  { name: '+CMQTTRXPAYLOAD', lengthParam: 1 },
  { name: '+CFTPSGET', lengthParam: 1, marker: 'DATA' },
  { name: '+CFTPSLIST', lengthParam: 1, marker: 'DATA' },
  { name: '+CFTRANTX', lengthParam: 1, marker: 'DATA' },
  { name: '+CCHRECV', lengthParam: 2, marker: 'DATA' },
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
  '+CMTI',
  '+CMT',
  '+CDS',
  'RECV FROM',
  '+IPD',
  '+IPCLOSE',
  '+CIPEVENT',
  '+CPIN',
  ...CCH_UNSOLICITED_ONLY,
  '+HTTP_PEER_CLOSED',
  '+HTTP_NONET_EVENT',
]
