/** The FTP(S) client (A76XX / SIM7600 FTPS chapter): session, server folders and transfers. */
import type { SimService } from '../../command-context.js'
import { FTP_REMOTE_HANDLERS } from './ftp-remote-commands.js'
import { FTP_SESSION_HANDLERS, loseFtpNetwork } from './ftp-session-commands.js'
import { FTP_TRANSFER_HANDLERS } from './ftp-transfer-commands.js'

export const FTP_SERVICE: SimService = {
  name: 'ftp',
  handlers: { ...FTP_SESSION_HANDLERS, ...FTP_REMOTE_HANDLERS, ...FTP_TRANSFER_HANDLERS },
  loseNetwork: loseFtpNetwork,
}
