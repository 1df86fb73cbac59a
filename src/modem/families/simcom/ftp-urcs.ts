/**
 * The FTP(S) client's URCs: each operation's result after OK (`+CFTPSLOGIN: 0`), directory listings and downloads
 * to the serial port as `DATA,<len>` blocks read by length, and `+CFTPSNOTIFY` when the server ends the session.
 */
import type { UrcRule } from '../../urc-rule.js'
import { FTPS_RESULT_LINES } from './ftp-codes.js'

export const SIMCOM_FTP_URCS: readonly UrcRule[] = [
  { name: '+CFTPSLIST', payloadLengthParam: 1, payloadWhen: { param: 0, text: 'DATA' } },
  { name: '+CFTPSGET', payloadLengthParam: 1, payloadWhen: { param: 0, text: 'DATA' } },
  { name: '+CFTRANTX', payloadLengthParam: 1, payloadWhen: { param: 0, text: 'DATA' } },
  { name: '+CFTPSPWD' },
  { name: '+CFTPSSIZE' },
  { name: '+CFTPSNOTIFY' },
  ...FTPS_RESULT_LINES.map(name => ({ name })),
]
