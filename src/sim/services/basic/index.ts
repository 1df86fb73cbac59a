/** V.250 basics: AT, echo, framing (ATV, ATQ, S3-S5), ATZ/AT&F, identification, error report mode, reset; the phone settings hosts probe. */
import type { SimService } from '../../command-context.js'
import { BASIC_HANDLERS } from './basic-commands.js'
import { PHONE_HANDLERS } from './phone-commands.js'
import { V250_HANDLERS } from './v250-commands.js'

export const BASIC_SERVICE: SimService = { name: 'basic', handlers: { ...BASIC_HANDLERS, ...V250_HANDLERS, ...PHONE_HANDLERS } }
