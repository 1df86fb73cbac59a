/** The Quectel TCP/IP stack (AT+QI*): PDP contexts, TCP and UDP sockets, against real sockets on loopback. */
import type { SimService } from '../../command-context.js'
import { QTCPIP_CONTEXT_HANDLERS } from './qtcpip-context-commands.js'
import { QTCPIP_DATA_HANDLERS } from './qtcpip-data-commands.js'
import { closeAllQiLinks, loseQiNetwork } from './qtcpip-events.js'
import { QTCPIP_SOCKET_HANDLERS } from './qtcpip-socket-commands.js'

export const QTCPIP_SERVICE: SimService = {
  name: 'qtcpip',
  handlers: { ...QTCPIP_CONTEXT_HANDLERS, ...QTCPIP_SOCKET_HANDLERS, ...QTCPIP_DATA_HANDLERS },
  loseNetwork: loseQiNetwork,
  powerDown: closeAllQiLinks,
}
