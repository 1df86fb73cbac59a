/** Quectel BG95/BG96 (LPWA) and EC2x/EG2x (LTE Standard) modules. */
import type { ModemFamily } from '../../modem-family.js'
import { QUECTEL_CHAT_PROFILE } from './chat-profile.js'
import { QUECTEL_COMMANDS, QUECTEL_UNSOLICITED_ONLY } from './commands.js'
import { QUECTEL_RESULT_CODES } from './result-codes.js'

export const QUECTEL_FAMILY: ModemFamily = {
  name: 'quectel',
  deviceNames: ['quectel', 'quectel-bg95', 'quectel-bg96', 'quectel-eg25'],
  chatProfile: QUECTEL_CHAT_PROFILE,
  resultCodes: QUECTEL_RESULT_CODES,
  commands: QUECTEL_COMMANDS,
  unsolicitedOnly: QUECTEL_UNSOLICITED_ONLY,
  draftDevice: { commandPrefixes: ['+QMT', '+QI', '+QSSL', '+QFUPL', '+QFLST', '+QFDEL'], device: 'quectel' },
}
