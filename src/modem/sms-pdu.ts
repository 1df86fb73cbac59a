/**
 * SMS PDUs as AT+CMGF=0 carries them in hex (3GPP TS 27.005 §3.1, TS 23.040 §9.2.2): the SMS-SUBMIT a host sends
 * and stores, the SMS-DELIVER the network brings, each after its SMSC address. Text is GSM 7-bit packed, UCS2 or
 * 8-bit, split into concatenated parts by a user data header when it does not fit one message.
 */
import { decodeGsm7Septets, encodeGsm7Septets, packSeptets, unpackSeptets } from './gsm7-alphabet.js'
import {
  PduError,
  PduReader,
  decodeScAddress,
  decodeTimestamp,
  decodeTpAddress,
  encodeConcatHeader,
  encodeScAddress,
  encodeTimestamp,
  encodeTpAddress,
  readConcatHeader,
  readDcsAlphabet,
  type SmsAddress,
  type SmsAlphabet,
  type SmsConcat,
  type SmsTimestamp,
} from './sms-pdu-fields.js'

export { PduError, dcsOf, describeAddress, readDcsAlphabet, TOA_INTERNATIONAL, TOA_UNKNOWN } from './sms-pdu-fields.js'
export type { SmsAddress, SmsAlphabet, SmsConcat, SmsTimestamp } from './sms-pdu-fields.js'

/** The user data of one message: its text, how it is coded, and where it sits in a concatenated message. */
export interface SmsUserData {
  alphabet: SmsAlphabet
  /** The text; for 8-bit data, the bytes as Latin-1. */
  text: string
  concat?: SmsConcat
}

/** An SMS-SUBMIT (TS 23.040 §9.2.2.2). */
export interface SmsSubmit extends SmsUserData {
  sca?: SmsAddress
  /** TP-MR, 0–255. */
  mr: number
  to: SmsAddress
  pid: number
  dcs: number
  /** TP-SRR: a status report is asked for. */
  statusReport: boolean
  /** TP-VP in the relative format (TP-VPF 2), when present. */
  validity?: number
}

/** An SMS-DELIVER (TS 23.040 §9.2.2.1). */
export interface SmsDeliver extends SmsUserData {
  sca?: SmsAddress
  from: SmsAddress
  pid: number
  dcs: number
  sentAt: SmsTimestamp
}

const MTI_DELIVER = 0x00
const MTI_SUBMIT = 0x01
const UDHI = 0x40
const SRR = 0x20
/** TP-MMS set: no more messages are waiting at the centre. */
const NO_MORE_MESSAGES = 0x04

/** User data limits of one message: 160 septets or 140 octets, less the header in a part of a longer one. */
const LIMITS = { gsm7: 160, ucs2: 70, '8bit': 140, partGsm7: 153, partUcs2: 67, part8bit: 134 } as const

/** The alphabet a text needs: GSM 7-bit when every character has one, else UCS2. */
export function chooseAlphabet(text: string): SmsAlphabet {
  return encodeGsm7Septets(text) === undefined ? 'ucs2' : 'gsm7'
}

/** Splits `text` into the parts of one message (one part when it fits), never splitting an escape or a surrogate pair. */
export function splitSmsText(text: string, alphabet: SmsAlphabet = chooseAlphabet(text)): string[] {
  const units = (char: string): number =>
    alphabet === 'gsm7' ? (encodeGsm7Septets(char)?.length ?? 1) : alphabet === 'ucs2' ? char.length : Buffer.byteLength(char, 'latin1')
  const chars = [...text]
  const whole = chars.reduce((sum, char) => sum + units(char), 0)
  if (whole <= LIMITS[alphabet]) return [text]
  const size = alphabet === 'gsm7' ? LIMITS.partGsm7 : alphabet === 'ucs2' ? LIMITS.partUcs2 : LIMITS.part8bit
  const parts: string[] = []
  let part = ''
  let used = 0
  for (const char of chars) {
    if (used + units(char) > size) {
      parts.push(part)
      part = ''
      used = 0
    }
    part += char
    used += units(char)
  }
  return [...parts, part]
}

/** TP-UDL and TP-UD for the user data, with the concatenation header when it is a part. */
export function encodeUserData(data: SmsUserData): { udl: number; ud: Buffer } {
  const header = data.concat === undefined ? Buffer.alloc(0) : encodeConcatHeader(data.concat)
  if (data.alphabet === 'gsm7') {
    const septets = encodeGsm7Septets(data.text)
    if (septets === undefined) throw new PduError('the text has characters outside the GSM 7-bit alphabet')
    const headerSeptets = Math.ceil((header.length * 8) / 7)
    // Fill bits after the header put the first septet on a septet boundary (TS 23.040 §9.2.3.24).
    const body = packSeptets(septets, headerSeptets * 7 - header.length * 8)
    const ud = Buffer.concat([header, body])
    return { udl: headerSeptets + septets.length, ud }
  }
  const body = data.alphabet === 'ucs2' ? encodeUcs2(data.text) : Buffer.from(data.text, 'latin1')
  return { udl: header.length + body.length, ud: Buffer.concat([header, body]) }
}

/** The text of TP-UD, given TP-UDL, the alphabet and whether a user data header comes first. */
export function decodeUserData(ud: Buffer, udl: number, alphabet: SmsAlphabet, hasHeader: boolean): SmsUserData {
  const headerOctets = hasHeader ? (ud[0] ?? 0) + 1 : 0
  const header = ud.subarray(0, headerOctets)
  const concat = hasHeader ? readConcatHeader(header) : undefined
  const withConcat = (text: string): SmsUserData => (concat === undefined ? { alphabet, text } : { alphabet, text, concat })
  if (alphabet === 'gsm7') {
    const headerSeptets = Math.ceil((headerOctets * 8) / 7)
    const septets = unpackSeptets(ud, udl, 0).slice(headerSeptets)
    return withConcat(decodeGsm7Septets(septets))
  }
  const body = ud.subarray(headerOctets, udl)
  return withConcat(alphabet === 'ucs2' ? decodeUcs2(body) : body.toString('latin1'))
}

/** UTF-16 big-endian, as UCS2 user data and AT+CSCS="UCS2" hex carry it. */
export function encodeUcs2(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le')
  return bytes.swap16()
}

export function decodeUcs2(bytes: Buffer): string {
  const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)))
  return even.swap16().toString('utf16le')
}

/** The SMSC address and an SMS-SUBMIT; `tpduOctets` is the length AT+CMGS takes (the SMSC address excluded). */
export function encodeSmsSubmit(sms: SmsSubmit): { pdu: Buffer; tpduOctets: number } {
  const { udl, ud } = encodeUserData(sms)
  const vpf = sms.validity === undefined ? 0 : 0x10
  const first = MTI_SUBMIT | vpf | (sms.statusReport ? SRR : 0) | (sms.concat ? UDHI : 0)
  const vp = sms.validity === undefined ? [] : [sms.validity]
  const tpdu = Buffer.concat([Buffer.from([first, sms.mr]), encodeTpAddress(sms.to), Buffer.from([sms.pid, sms.dcs, ...vp, udl]), ud])
  return { pdu: Buffer.concat([encodeScAddress(sms.sca), tpdu]), tpduOctets: tpdu.length }
}

/** Reads an SMS-SUBMIT after its SMSC address; throws PduError when it is not one or is cut short. */
export function decodeSmsSubmit(pdu: Buffer): SmsSubmit {
  const reader = new PduReader(pdu)
  const sca = decodeScAddress(reader)
  const first = reader.byte()
  if ((first & 0x03) !== MTI_SUBMIT) throw new PduError('the PDU is not an SMS-SUBMIT')
  const mr = reader.byte()
  const to = decodeTpAddress(reader)
  const pid = reader.byte()
  const dcs = reader.byte()
  const validity = readValidity(reader, (first >> 3) & 0x03)
  const udl = reader.byte()
  const data = decodeUserData(reader.rest(), udl, readDcsAlphabet(dcs), (first & UDHI) !== 0)
  return {
    ...(sca ? { sca } : {}),
    mr,
    to,
    pid,
    dcs,
    statusReport: (first & SRR) !== 0,
    ...(validity === undefined ? {} : { validity }),
    ...data,
  }
}

/** TP-VP by TP-VPF: none, enhanced (7 octets), relative (1), absolute (7); only the relative value is kept. */
function readValidity(reader: PduReader, vpf: number): number | undefined {
  if (vpf === 0) return undefined
  if (vpf === 2) return reader.byte()
  reader.bytes(7)
  return undefined
}

/** The SMSC address and an SMS-DELIVER; `tpduOctets` is the `<length>` +CMT, +CMGR and +CMGL show. */
export function encodeSmsDeliver(sms: SmsDeliver): { pdu: Buffer; tpduOctets: number } {
  const { udl, ud } = encodeUserData(sms)
  const first = MTI_DELIVER | NO_MORE_MESSAGES | (sms.concat ? UDHI : 0)
  const tpdu = Buffer.concat([
    Buffer.from([first]),
    encodeTpAddress(sms.from),
    Buffer.from([sms.pid, sms.dcs]),
    encodeTimestamp(sms.sentAt),
    Buffer.from([udl]),
    ud,
  ])
  return { pdu: Buffer.concat([encodeScAddress(sms.sca), tpdu]), tpduOctets: tpdu.length }
}

/** Reads an SMS-DELIVER after its SMSC address; throws PduError when it is not one or is cut short. */
export function decodeSmsDeliver(pdu: Buffer): SmsDeliver {
  const reader = new PduReader(pdu)
  const sca = decodeScAddress(reader)
  const first = reader.byte()
  if ((first & 0x03) !== MTI_DELIVER) throw new PduError('the PDU is not an SMS-DELIVER')
  const from = decodeTpAddress(reader)
  const pid = reader.byte()
  const dcs = reader.byte()
  const sentAt = decodeTimestamp(reader.bytes(7))
  const udl = reader.byte()
  const data = decodeUserData(reader.rest(), udl, readDcsAlphabet(dcs), (first & UDHI) !== 0)
  return { ...(sca ? { sca } : {}), from, pid, dcs, sentAt, ...data }
}

/** An SMS-STATUS-REPORT (TS 23.040 §9.2.2.3): the centre says what became of the message `mr`. */
export interface SmsStatusReport {
  sca?: SmsAddress
  mr: number
  recipient: SmsAddress
  sentAt: SmsTimestamp
  dischargedAt: SmsTimestamp
  /** TP-ST: 0 received by the recipient. */
  status: number
}

/** The SMSC address and an SMS-STATUS-REPORT; `tpduOctets` is the `<length>` +CDS shows. */
export function encodeSmsStatusReport(report: SmsStatusReport): { pdu: Buffer; tpduOctets: number } {
  // MTI 10 with TP-MMS (no more messages) and TP-SRQ clear: a report on an SMS-SUBMIT.
  const tpdu = Buffer.concat([
    Buffer.from([0x06, report.mr]),
    encodeTpAddress(report.recipient),
    encodeTimestamp(report.sentAt),
    encodeTimestamp(report.dischargedAt),
    Buffer.from([report.status]),
  ])
  return { pdu: Buffer.concat([encodeScAddress(report.sca), tpdu]), tpduOctets: tpdu.length }
}
