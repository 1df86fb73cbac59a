/** SSL/TLS sockets (SIMCom A76XX / SIM7600 SSL chapter, AT+CCH*): the service, two sessions, push and manual receive. */
import type { CommandHandler, HandlerTable, SimService } from '../../command-context.js'
import { replyError } from '../../reply.js'
import { CCH_RECEIVE_HANDLERS } from './cch-receive-commands.js'
import { CCH_SETUP_HANDLERS, CCH_STARTED_HANDLERS } from './cch-service-commands.js'
import { CCH_SESSION_HANDLERS } from './cch-session-commands.js'
import { closeAllSessions, loseCchNetwork } from './cch-events.js'

/** The manual's AT+CCHSTART note: the service must be started before any other CCH operation (test forms still answer). */
function requireStarted(handler: CommandHandler): CommandHandler {
  return (cmd, ctx) => (cmd.form !== 'test' && !ctx.state.cch.started ? replyError() : handler(cmd, ctx))
}

function guardAll(handlers: HandlerTable): HandlerTable {
  return Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, requireStarted(handler)]))
}

/** The `cch` service: its setup commands answer at any time, the rest only after AT+CCHSTART. */
export const CCH_SERVICE: SimService = {
  name: 'cch',
  handlers: {
    ...CCH_SETUP_HANDLERS,
    ...guardAll({ ...CCH_STARTED_HANDLERS, ...CCH_SESSION_HANDLERS, ...CCH_RECEIVE_HANDLERS }),
  },
  loseNetwork: loseCchNetwork,
  powerDown: closeAllSessions,
}
