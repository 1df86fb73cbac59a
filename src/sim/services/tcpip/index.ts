/** TCP/IP sockets (SIMCom A76XX / SIM7600 TCP/IP chapter): the socket service, links and both receive modes. */
import type { SimService } from '../../command-context.js'
import { TCPIP_LINK_HANDLERS } from './tcpip-link-commands.js'
import { TCPIP_NET_HANDLERS } from './tcpip-net-commands.js'
import { TCPIP_RECEIVE_HANDLERS } from './tcpip-receive-commands.js'

export const TCPIP_SERVICE: SimService = {
  name: 'tcpip',
  handlers: { ...TCPIP_NET_HANDLERS, ...TCPIP_LINK_HANDLERS, ...TCPIP_RECEIVE_HANDLERS },
}
