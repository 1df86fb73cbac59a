/** Which CCH lines carry an `<err>` code and where (the read forms of the same names have other parameter counts). */
import type { ResultCodeRule } from '../../modem-family.js'
import { CCH_ERR_TEXTS } from './cch-codes.js'

/** The CCH result lines, each with its code at the last of its two parameters (one for START and STOP). */
export const CCH_RESULT_CODES: readonly ResultCodeRule[] = [
  { name: '+CCHSTART', params: 1, codeParam: 0, meanings: CCH_ERR_TEXTS },
  { name: '+CCHSTOP', params: 1, codeParam: 0, meanings: CCH_ERR_TEXTS },
  ...['+CCHOPEN', '+CCHCLOSE', '+CCHSEND', '+CCHRECV', '+CCH_RECV_CLOSED'].map(name => ({
    name,
    params: 2,
    codeParam: 1,
    meanings: CCH_ERR_TEXTS,
  })),
]
