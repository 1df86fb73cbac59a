/**
 * The CCH (SSL/TLS socket) URCs: pushed data `+CCHRECV: DATA,<session_id>,<len>` followed by that many bytes (the
 * same header answers AT+CCHRECV=<session_id> in manual mode), the results that follow OK, and the events.
 */
import type { UrcRule } from '../../urc-rule.js'

/** The CCH URC rules of the SIMCom chat profile. */
export const CCH_URCS: readonly UrcRule[] = [
  { name: '+CCHRECV', payloadLengthParam: 2, payloadWhen: { param: 0, text: 'DATA' } },
  { name: '+CCHEVENT' },
  { name: '+CCH_PEER_CLOSED' },
  { name: '+CCH_RECV_CLOSED' },
  // `+CCH: CCH STOP`: the service stopped under the sessions (the network went away).
  { name: '+CCH' },
  { name: '+CCHSTART' },
  { name: '+CCHSTOP' },
  { name: '+CCHOPEN' },
  { name: '+CCHCLOSE' },
  { name: '+CCHSEND' },
]

/** CCH URCs that never answer a command. */
export const CCH_UNSOLICITED_ONLY: readonly string[] = ['+CCHEVENT', '+CCH_PEER_CLOSED', '+CCH_RECV_CLOSED', '+CCH']
