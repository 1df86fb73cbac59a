/** The module's flash file system: folders and files (AT+FS*) and serial transfers (AT+CFTRANRX / AT+CFTRANTX). */
import type { SimService } from '../../command-context.js'
import { FS_HANDLERS } from './fs-commands.js'
import { FS_TRANSFER_HANDLERS } from './fs-transfer-commands.js'

export const FS_SERVICE: SimService = { name: 'fs', handlers: { ...FS_HANDLERS, ...FS_TRANSFER_HANDLERS } }
