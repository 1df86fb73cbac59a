/** V.250 basics: AT, echo, identification, error report mode, reset. */
import type { SimService } from '../../command-context.js'
import { BASIC_HANDLERS } from './basic-commands.js'

export const BASIC_SERVICE: SimService = { name: 'basic', handlers: BASIC_HANDLERS }
