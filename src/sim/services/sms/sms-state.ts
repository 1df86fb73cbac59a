/** The SMS service's part of the modem state (3GPP TS 27.005): formats, the SMSC, storages and their messages. */
import type { SimProfile } from '../../profile.js'
import type { SmsStorageName, SmsTraits } from '../../sim-profile.js'

export type { SmsStorageName } from '../../sim-profile.js'

/** The SIMCom A76XX / SIM7600 values, for profiles that name no SMS traits. */
export const SIMCOM_SMS_TRAITS: SmsTraits = {
  storages: ['SM', 'ME'],
  defaultStorages: ['SM', 'SM', 'SM'],
  characterSets: ['IRA', 'GSM', 'UCS2'],
  ackTimeoutMs: 15_000,
}

/** The SMS traits of a profile. */
export function smsTraitsOf(profile: SimProfile): SmsTraits {
  return profile.sms ?? SIMCOM_SMS_TRAITS
}

/** Empty storages; `MT` is the module's own storage under another name, so it shares `ME`'s messages. */
export function createSmsStorages(): Record<SmsStorageName, Map<number, StoredSms>> {
  const own = new Map<number, StoredSms>()
  return { SM: new Map(), ME: own, MT: own }
}

/** TS 27.005 message status, as PDU mode numbers it (0 REC UNREAD ... 3 STO SENT). */
export type SmsStatus = 0 | 1 | 2 | 3

/** One stored message: its PDU (SMSC address first) and its status. */
export interface StoredSms {
  status: SmsStatus
  pdu: Buffer
  /** The TPDU's length in octets (the SMSC address excluded), as PDU mode shows it. */
  tpduOctets: number
}

/**
 * A new-message indication: the URC (a payload line included), whether it routes the message itself to the host
 * (+CMT, +CDS: then AT+CSMS=1 wants AT+CNMA for it), and for a +CMT the message, stored if the host never takes it.
 */
export interface SmsIndication {
  urc: string
  direct: boolean
  sms?: StoredSms
}

/** AT+CSMP: first octet, validity period, protocol identifier and data coding scheme of text-mode SUBMITs. */
export interface SmsSubmitParams {
  fo: number
  vp: number
  pid: number
  dcs: number
}

export interface SmsState {
  sms: {
    /** AT+CMGF: 0 PDU mode, 1 text mode. */
    cmgf: 0 | 1
    /** AT+CSCS: the character set of text-mode addresses and text. */
    cscs: 'GSM' | 'IRA' | 'UCS2'
    /** AT+CSCA: the SMS centre's number and its type of address. */
    sca: { number: string; type: number }
    /** AT+CSDH: 1 shows the text-mode header's optional fields. */
    csdh: 0 | 1
    /** AT+CPMS: where messages are read and deleted, written and sent, and received. */
    storages: [SmsStorageName, SmsStorageName, SmsStorageName]
    /** AT+CSMS: 0 phase 2 (the module acknowledges messages itself), 1 phase 2+ (the host does, with AT+CNMA). */
    csms: 0 | 1
    /** AT+CNMI: mode, mt, bm, ds, bfr. */
    cnmi: [number, number, number, number, number]
    /** Indications held in the module while AT+CNMI's mode is 0, oldest first. */
    buffered: SmsIndication[]
    /** Under AT+CSMS=1: the +CMT or +CDS shown that awaits AT+CNMA, those held until it comes, and a count that tells timers apart. */
    ack: { shown: SmsIndication | undefined; held: SmsIndication[]; serial: number }
    csmp: SmsSubmitParams
    /** Messages by storage and index. */
    stored: Record<SmsStorageName, Map<number, StoredSms>>
    /** The next TP-MR the module gives a message it sends. */
    nextMr: number
  }
}

/** The SMS settings after power-up: PDU mode, GSM set, the profile's storages, new messages stored and announced. */
export function createSmsState(profile: SimProfile): SmsState {
  const [read, write, receive] = smsTraitsOf(profile).defaultStorages
  return {
    sms: {
      cmgf: 0,
      cscs: 'GSM',
      sca: { number: profile.defaults.smsCentre, type: 145 },
      csdh: 0,
      storages: [read, write, receive],
      csms: 0,
      cnmi: [2, 1, 0, 0, 0],
      buffered: [],
      ack: { shown: undefined, held: [], serial: 0 },
      csmp: { fo: 17, vp: 167, pid: 0, dcs: 0 },
      stored: createSmsStorages(),
      nextMr: 0,
    },
  }
}
