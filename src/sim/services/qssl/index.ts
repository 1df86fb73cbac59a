/** The Quectel SSL contexts (AT+QSSLCFG). */
import type { SimService } from '../../command-context.js'
import { QSSL_HANDLERS } from './qssl-commands.js'

export const QSSL_SERVICE: SimService = { name: 'qssl', handlers: QSSL_HANDLERS }
