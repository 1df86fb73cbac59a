/** SIMCom A76XX (A7600/A7670) and SIM7500/SIM7600 modules. */
import type { ModemFamily } from '../../modem-family.js'
import { SIMCOM_CHAT_PROFILE } from './chat-profile.js'
import { SIMCOM_CREDENTIAL_PARAMS } from './credential-params.js'
import { SIMCOM_COMMANDS, SIMCOM_UNSOLICITED_ONLY, SIMCOM_COMMAND_PREFIXES, SIMCOM_PAYLOAD_LINES } from './commands.js'
import { SIMCOM_RESULT_CODES } from './result-codes.js'

export const SIMCOM_FAMILY: ModemFamily = {
  name: 'simcom',
  deviceNames: ['simcom', 'simcom-a76xx', 'simcom-sim7600'],
  chatProfile: SIMCOM_CHAT_PROFILE,
  resultCodes: SIMCOM_RESULT_CODES,
  commands: SIMCOM_COMMANDS,
  unsolicitedOnly: SIMCOM_UNSOLICITED_ONLY,
  credentialParams: SIMCOM_CREDENTIAL_PARAMS,
  draftDevice: { commandPrefixes: SIMCOM_COMMAND_PREFIXES, device: 'simcom-a76xx' },
  payloadLines: SIMCOM_PAYLOAD_LINES,
}
