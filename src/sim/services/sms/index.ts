/** Short messages (3GPP TS 27.005): settings, storages, sending and reading, text and PDU mode. */
import type { SimService } from '../../command-context.js'
import { SMS_ACK_HANDLERS } from './sms-ack-commands.js'
import { SMS_READ_HANDLERS } from './sms-read-commands.js'
import { SMS_SEND_HANDLERS } from './sms-send-commands.js'
import { SMS_SETTINGS_HANDLERS } from './sms-settings-commands.js'

export const SMS_SERVICE: SimService = {
  name: 'sms',
  handlers: { ...SMS_SETTINGS_HANDLERS, ...SMS_SEND_HANDLERS, ...SMS_READ_HANDLERS, ...SMS_ACK_HANDLERS },
}

export { receiveSms } from './sms-delivery.js'
export { createSmsStorages } from './sms-state.js'
