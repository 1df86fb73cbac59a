/** The Quectel UFS file store (AT+QFUPL, AT+QFLST, AT+QFDEL), where TLS certificates and keys are kept. */
import type { SimService } from '../../command-context.js'
import { QFILE_HANDLERS } from './qfile-commands.js'

export const QFILE_SERVICE: SimService = { name: 'qfile', handlers: QFILE_HANDLERS }
