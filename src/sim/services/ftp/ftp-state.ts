/** The FTP(S) client's part of the modem state: the service, its settings and the logged-in session. */
import type { SimProfile } from '../../profile.js'
import type { FtpConnection } from './ftp-connection.js'

export interface FtpState {
  /** Whether AT+CFTPSSTART started the service. */
  ftpStarted: boolean
  /** The AT+CSSLCFG context FTPS uses (AT+CFTPSSSLCFG); default 0. */
  ftpSslContext: number
  /** AT+CFTPSSINGLEIP: 1 opens data connections to the control connection's address, whatever PASV says. */
  ftpSingleIp: 0 | 1
  /** AT+CFTPSTYPE: ASCII or binary (image) transfers. */
  ftpType: 'A' | 'I'
  /** The session AT+CFTPSLOGIN opened, until AT+CFTPSLOGOUT or the server ends it. */
  ftpConnection?: FtpConnection
  /** An operation (login, listing, transfer) is still running: another one is refused as busy. */
  ftpBusy: boolean
}

export function createFtpState(_profile: SimProfile): FtpState {
  return { ftpStarted: false, ftpSslContext: 0, ftpSingleIp: 0, ftpType: 'I', ftpBusy: false }
}
