/**
 * Text mode as TS 27.005 §3.1 writes it: strings in the TE character set (AT+CSCS), time stamps as
 * `yy/MM/dd,hh:mm:ss±zz`, and the status names of stored messages.
 */
import { decodeUcs2, encodeUcs2, type SmsTimestamp } from '../../../modem/sms-pdu.js'
import type { SmsState, SmsStatus } from './sms-state.js'

/** Text-mode names of the statuses, by PDU-mode number. */
export const STATUS_NAMES: readonly string[] = ['REC UNREAD', 'REC READ', 'STO UNSENT', 'STO SENT']

/** The status AT+CMGL lists under `ALL` (text) or 4 (PDU). */
export const STATUS_ALL = 4

/** A text-mode status name (or `ALL`) as its number; undefined when it is none. */
export function readStatusName(name: string): SmsStatus | typeof STATUS_ALL | undefined {
  if (name.toUpperCase() === 'ALL') return STATUS_ALL
  const index = STATUS_NAMES.indexOf(name.toUpperCase())
  return index < 0 ? undefined : (index as SmsStatus)
}

/** A string the host wrote as text: as is in the GSM and IRA sets, hex of UCS2 under AT+CSCS="UCS2". */
export function readTeString(state: SmsState, written: string): string | undefined {
  if (state.sms.cscs !== 'UCS2') return written
  if (!/^([0-9A-Fa-f]{4})*$/.test(written)) return undefined
  return decodeUcs2(Buffer.from(written, 'hex'))
}

/** A string as the module writes it to the host: as is, or as UCS2 hex under AT+CSCS="UCS2". */
export function writeTeString(state: SmsState, text: string): string {
  return state.sms.cscs === 'UCS2' ? encodeUcs2(text).toString('hex').toUpperCase() : text
}

/** `yy/MM/dd,hh:mm:ss±zz` in the sender's zone (quarter hours). */
export function formatTimestamp(stamp: SmsTimestamp): string {
  const local = new Date(stamp.utcMs + stamp.zoneQh * 15 * 60_000)
  const two = (n: number): string => String(n).padStart(2, '0')
  const date = `${two(local.getUTCFullYear() % 100)}/${two(local.getUTCMonth() + 1)}/${two(local.getUTCDate())}`
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`
  return `${date},${time}${stamp.zoneQh < 0 ? '-' : '+'}${two(Math.abs(stamp.zoneQh))}`
}
