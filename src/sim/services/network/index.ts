/** SIM, registration, signal and PDP contexts (3GPP TS 27.007). */
import type { SimService } from '../../command-context.js'
import { NETWORK_HANDLERS } from './network-commands.js'
import { RADIO_HANDLERS, reportRegistrationChange } from './radio-commands.js'
import { SIM_CARD_HANDLERS } from './sim-card-commands.js'

/** On a lost network (coverage, SIM, AT+CFUN, AT+COPS=2, AT+CGATT=0) +CREG/+CGREG/+CEREG report the new status. */
export const NETWORK_SERVICE: SimService = {
  name: 'network',
  handlers: { ...NETWORK_HANDLERS, ...RADIO_HANDLERS, ...SIM_CARD_HANDLERS },
  loseNetwork: reportRegistrationChange,
}

export { canRegister } from './network-state.js'
export { regainNetwork } from './radio-commands.js'
