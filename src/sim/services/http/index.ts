/** HTTP(S) client (SIMCom A76XX / SIM7600 HTTP(S) chapter): session, parameters, body upload, actions, reads, and files. */
import type { SimService } from '../../command-context.js'
import { HTTP_ACTION_HANDLERS } from './http-action-commands.js'
import { HTTP_FILE_HANDLERS } from './http-file-commands.js'
import { HTTP_READ_HANDLERS } from './http-read-commands.js'
import { HTTP_SESSION_HANDLERS } from './http-session-commands.js'

export const HTTP_SERVICE: SimService = {
  name: 'http',
  handlers: { ...HTTP_SESSION_HANDLERS, ...HTTP_ACTION_HANDLERS, ...HTTP_READ_HANDLERS, ...HTTP_FILE_HANDLERS },
}
