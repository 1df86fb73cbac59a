/** SSL contexts (AT+CSSLCFG) and the certificate store (AT+CCERTDOWN, AT+CCERTLIST, AT+CCERTDELE). */
import type { SimService } from '../../command-context.js'
import { SSL_HANDLERS } from './ssl-commands.js'

export const SSL_SERVICE: SimService = { name: 'ssl', handlers: SSL_HANDLERS }
