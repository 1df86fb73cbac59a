/**
 * The message storages (AT+CPMS): each holds up to the profile's count, indexed from 1; a stored message
 * is kept as its PDU and read back in text or PDU mode.
 */
import { decodeSmsDeliver, decodeSmsSubmit, type SmsAddress, type SmsAlphabet, type SmsTimestamp } from '../../../modem/sms-pdu.js'
import { CMS_ERROR } from '../../../modem/cms-error.js'
import type { CommandContext } from '../../command-context.js'
import type { SmsStatus, SmsStorageName, StoredSms } from './sms-state.js'

/** How many messages a storage holds. */
export function capacityOf(ctx: CommandContext, storage: SmsStorageName): number {
  return ctx.profile.limits.smsStorage[storage === 'MT' ? 'ME' : storage]
}

/** Stores a message at the lowest free index; undefined when the storage is full. */
export function storeSms(ctx: CommandContext, storage: SmsStorageName, sms: StoredSms): number | undefined {
  const messages = ctx.state.sms.stored[storage]
  for (let index = 1; index <= capacityOf(ctx, storage); index++) {
    if (messages.has(index)) continue
    messages.set(index, sms)
    return index
  }
  return undefined
}

/** The stored messages of a storage in index order, those with `status` only unless it is 4 (all). */
export function listStored(ctx: CommandContext, storage: SmsStorageName, status: number): Array<[number, StoredSms]> {
  return [...ctx.state.sms.stored[storage].entries()].filter(([, sms]) => status === 4 || sms.status === status).sort(([a], [b]) => a - b)
}

/** What a stored message says, whichever way it went: the other party, the text and its coding. */
export interface SmsView {
  /** The originator of a received message, the destination of one to send. */
  address: SmsAddress
  sca: SmsAddress | undefined
  text: string
  alphabet: SmsAlphabet
  fo: number
  pid: number
  dcs: number
  sentAt?: SmsTimestamp
  validity?: number
}

/** Reads a stored PDU: an SMS-DELIVER for received statuses (0, 1), an SMS-SUBMIT for stored ones (2, 3). */
export function viewStored(sms: { status: SmsStatus; pdu: Buffer }): SmsView {
  const fo = sms.pdu[(sms.pdu[0] ?? 0) + 1] ?? 0
  if (sms.status <= 1) {
    const d = decodeSmsDeliver(sms.pdu)
    return { address: d.from, sca: d.sca, text: d.text, alphabet: d.alphabet, fo, pid: d.pid, dcs: d.dcs, sentAt: d.sentAt }
  }
  const s = decodeSmsSubmit(sms.pdu)
  const view: SmsView = { address: s.to, sca: s.sca, text: s.text, alphabet: s.alphabet, fo, pid: s.pid, dcs: s.dcs }
  return s.validity === undefined ? view : { ...view, validity: s.validity }
}

/** The +CMS ERROR a message command meets without an open SIM (310 none, 311 PIN), else undefined. */
export function simProblemOf(ctx: CommandContext): number | undefined {
  if (!ctx.state.simPresent) return CMS_ERROR.simNotInserted
  return ctx.state.sim.lock === 'READY' ? undefined : CMS_ERROR.simPinRequired
}
