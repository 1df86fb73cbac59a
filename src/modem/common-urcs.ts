/** URCs every 3GPP TS 27.007 modem may send, whatever its family. */
import type { UrcRule } from './urc-rule.js'

export const COMMON_URCS: readonly UrcRule[] = [
  { name: 'RING' },
  { name: '+CRING' },
  { name: '+CLIP' },
  { name: '+CPIN' },
  { name: '+CREG' },
  { name: '+CGREG' },
  { name: '+CEREG' },
  { name: '+C5GREG' },
  { name: '+CGEV' },
  { name: '+CMTI' },
  { name: '+CMT' },
  { name: '+CDS' },
  { name: '+CUSD' },
  { name: '+CTZV' },
  { name: '+CTZE' },
]
