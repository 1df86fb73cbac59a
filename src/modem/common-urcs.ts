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
  // TS 27.005 §3.4.1: the message text (or PDU) of +CMT, and the PDU of a PDU-mode +CDS, is the next line.
  { name: '+CMT', payloadIsNextLine: true },
  { name: '+CDS', payloadIsNextLine: true, payloadParamCount: 1 },
  { name: '+CUSD' },
  { name: '+CTZV' },
  { name: '+CTZE' },
]
