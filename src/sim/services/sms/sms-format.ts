/**
 * How stored and arriving messages are shown (TS 27.005 §3.4.1, §3.5.3, §3.5.4): text mode as a header line and
 * the text, PDU mode as `<stat>,"",<length>` and the PDU in hex. AT+CSDH=1 adds the header's optional fields.
 */
import { encodeGsm7Septets } from '../../../modem/gsm7-alphabet.js'
import { encodeUcs2 } from '../../../modem/sms-pdu.js'
import type { ModemState } from '../../modem-state.js'
import type { StoredSms } from './sms-state.js'
import { viewStored, type SmsView } from './sms-store.js'
import { STATUS_NAMES, formatTimestamp, writeTeString } from './sms-text.js'

/** Where a message is shown: read (+CMGR), listed (+CMGL, with its index) or delivered at once (+CMT). */
export type SmsShownAs = { kind: 'read' } | { kind: 'list'; index: number } | { kind: 'direct' }

/** The text as text mode shows it: in the TE set for GSM 7-bit, the user data octets in hex otherwise. */
function writeData(state: ModemState, view: SmsView): string {
  if (view.alphabet === 'gsm7') return writeTeString(state, view.text)
  const octets = view.alphabet === 'ucs2' ? encodeUcs2(view.text) : Buffer.from(view.text, 'latin1')
  return octets.toString('hex').toUpperCase()
}

/** Text-mode `<length>`: characters for GSM 7-bit (escapes count twice, as septets), octets otherwise. */
function textLengthOf(view: SmsView): number {
  if (view.alphabet === 'gsm7') return encodeGsm7Septets(view.text)?.length ?? view.text.length
  return view.alphabet === 'ucs2' ? encodeUcs2(view.text).length : Buffer.byteLength(view.text, 'latin1')
}

/** The header line and the text of a message in text mode. */
export function describeTextMessage(state: ModemState, sms: StoredSms, shown: SmsShownAs): [string, string] {
  const view = viewStored(sms)
  const address = `"${writeTeString(state, view.address.number)}"`
  const received = sms.status <= 1
  const stamp = view.sentAt === undefined ? '' : `"${formatTimestamp(view.sentAt)}"`
  const sca = `"${writeTeString(state, view.sca?.number ?? '')}",${view.sca?.type ?? 129}`
  const length = textLengthOf(view)
  const full = state.sms.csdh === 1
  const data = writeData(state, view)
  if (shown.kind === 'direct') {
    const extra = full ? `,${view.address.type},${view.fo},${view.pid},${view.dcs},${sca},${length}` : ''
    return [`+CMT: ${address},"",${stamp}${extra}`, data]
  }
  const stat = `"${STATUS_NAMES[sms.status]}"`
  if (shown.kind === 'list') {
    const extra = full ? `,${view.address.type},${length}` : ''
    return [`+CMGL: ${shown.index},${stat},${address},"",${stamp}${extra}`, data]
  }
  if (received) {
    const extra = full ? `,${view.address.type},${view.fo},${view.pid},${view.dcs},${sca},${length}` : ''
    return [`+CMGR: ${stat},${address},"",${stamp}${extra}`, data]
  }
  const extra = full ? `,${view.address.type},${view.fo},${view.pid},${view.dcs},${view.validity ?? ''},${sca},${length}` : ''
  return [`+CMGR: ${stat},${address},""${extra}`, data]
}

/** The header line and the PDU of a message in PDU mode. */
export function describePduMessage(sms: StoredSms, shown: SmsShownAs): [string, string] {
  const hex = sms.pdu.toString('hex').toUpperCase()
  if (shown.kind === 'direct') return [`+CMT: "",${sms.tpduOctets}`, hex]
  if (shown.kind === 'list') return [`+CMGL: ${shown.index},${sms.status},"",${sms.tpduOctets}`, hex]
  return [`+CMGR: ${sms.status},"",${sms.tpduOctets}`, hex]
}

/** A message shown in the current mode (AT+CMGF). */
export function describeMessage(state: ModemState, sms: StoredSms, shown: SmsShownAs): [string, string] {
  return state.sms.cmgf === 1 ? describeTextMessage(state, sms, shown) : describePduMessage(sms, shown)
}
