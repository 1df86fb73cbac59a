/** `+IP ERROR: <err_info>` + `ERROR`, with the text form the module shows by default. */
import { IP_ERROR_TEXTS } from '../../../modem/families/simcom/tcpip-codes.js'
import { replyError, type Reply } from '../../reply.js'

/** The rejection of a TCP/IP command the module words as `+IP ERROR: <text>`. */
export function replyIpError(code: number): Reply {
  return replyError(`+IP ERROR: ${IP_ERROR_TEXTS[code] ?? 'Operation failed'}`)
}
