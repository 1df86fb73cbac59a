/** SIM, registration, signal and PDP contexts (3GPP TS 27.007). */
import type { SimService } from '../../command-context.js'
import { NETWORK_HANDLERS } from './network-commands.js'
import { RADIO_HANDLERS } from './radio-commands.js'
import { SIM_CARD_HANDLERS } from './sim-card-commands.js'

export const NETWORK_SERVICE: SimService = { name: 'network', handlers: { ...NETWORK_HANDLERS, ...RADIO_HANDLERS, ...SIM_CARD_HANDLERS } }
