/**
 * What the chat engine needs to know about a modem family: its data prompt and its URCs.
 * Profiles are plain data; a new modem is a new object, not new code.
 */
import type { UrcRule } from './urc-rule.js'

export interface ChatProfile {
  /** The name a sequence's `device:` uses, e.g. `simcom-a76xx`. */
  name: string
  /**
   * The data prompt as it appears at the start of a line, with no line end after it:
   * SIMCom sends `\r\n>` (so `>`), other modems `> ` or `@`.
   */
  prompt: string
  /** Lines that are unsolicited whenever they arrive (see `isUrcLine` for the read/test-form exception). */
  urcs: readonly UrcRule[]
  /** Largest payload a payload URC may announce, in bytes; larger headers are treated as plain URCs. */
  maxPayloadBytes: number
}

/** URCs every 27.007 modem may send. */
const commonUrcs: readonly UrcRule[] = [
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

/** SIMCom SIM7600/A76XX: `\r\n>` prompt and the CMQTT URC family, with RXTOPIC/RXPAYLOAD read by length. */
export const simcomA76xxProfile: ChatProfile = {
  name: 'simcom-a76xx',
  prompt: '>',
  maxPayloadBytes: 64 * 1024,
  urcs: [
    { name: '+CMQTTRXSTART' },
    { name: '+CMQTTRXTOPIC', payloadLengthParam: 1 },
    { name: '+CMQTTRXPAYLOAD', payloadLengthParam: 1 },
    { name: '+CMQTTRXEND' },
    { name: '+CMQTTCONNLOST' },
    { name: '+CMQTTNONET' },
    { name: '+CMQTTPING' },
    { name: '+CMQTTNOCONN' },
    { name: '+CMQTTRECV' },
    // Results of asynchronous operations: they follow OK (or come before it, as the seed shows for START).
    { name: '+CMQTTSTART' },
    { name: '+CMQTTSTOP' },
    { name: '+CMQTTCONNECT' },
    { name: '+CMQTTDISC' },
    { name: '+CMQTTPUB' },
    { name: '+CMQTTSUB' },
    { name: '+CMQTTUNSUB' },
    { name: 'RDY' },
    { name: '*ATREADY' },
    { name: 'SMS Ready' },
    { name: 'PB DONE' },
    { name: '+CGNSSPWR' },
    ...commonUrcs,
  ],
}

/** A modem we know nothing special about: `> ` prompt, 27.007 URCs only. */
export const genericProfile: ChatProfile = {
  name: 'generic',
  prompt: '> ',
  maxPayloadBytes: 64 * 1024,
  urcs: commonUrcs,
}

const profilesByName: ReadonlyMap<string, ChatProfile> = new Map(
  [simcomA76xxProfile, genericProfile].map(profile => [profile.name, profile]),
)

/** The chat profile for a device name (`simcom-a76xx`, also matched as a prefix: `simcom-a76xx-tls`), or the generic one. */
export function resolveChatProfile(device: string | undefined): ChatProfile {
  if (device === undefined) return genericProfile
  const exact = profilesByName.get(device)
  if (exact !== undefined) return exact
  for (const profile of profilesByName.values()) if (device.startsWith(profile.name)) return profile
  return device.startsWith('simcom') ? simcomA76xxProfile : genericProfile
}
