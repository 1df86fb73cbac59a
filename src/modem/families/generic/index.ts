/** A modem atseq knows nothing special about: a `> ` prompt, the 27.007 URCs and `+CME ERROR` codes only. */
import { COMMON_URCS } from '../../common-urcs.js'
import type { ModemFamily } from '../../modem-family.js'
import { STANDARD_COMMANDS } from '../standard-commands.js'

export const GENERIC_FAMILY: ModemFamily = {
  name: 'generic',
  deviceNames: ['generic'],
  chatProfile: { name: 'generic', prompt: '> ', maxPayloadBytes: 64 * 1024, urcs: COMMON_URCS },
  resultCodes: [],
  commands: STANDARD_COMMANDS,
  unsolicitedOnly: [],
}
