/**
 * The fields SMS PDUs share (3GPP TS 23.040 §9.1.2, §9.2.3): addresses in semi-octets or packed alphanumerics,
 * the service-centre time stamp, the data coding scheme and the user data header with its concatenation element.
 */
import { decodeGsm7Septets, encodeGsm7Septets, packSeptets, unpackSeptets } from './gsm7-alphabet.js'

/** Type of address: international number (TON 1, NPI 1). */
export const TOA_INTERNATIONAL = 0x91
/** Type of address: unknown number (TON 0, NPI 1). */
export const TOA_UNKNOWN = 0x81
/** Type of address: alphanumeric, GSM 7-bit packed (TON 5). */
const TOA_ALPHANUMERIC = 0xd0

/** A cursor over PDU octets; reading past the end throws a PduError. */
export class PduReader {
  private at = 0
  constructor(private readonly octets: Buffer) {}

  byte(): number {
    const value = this.octets[this.at]
    if (value === undefined) throw new PduError('the PDU ends early')
    this.at += 1
    return value
  }

  bytes(count: number): Buffer {
    if (this.at + count > this.octets.length) throw new PduError('the PDU ends early')
    const slice = this.octets.subarray(this.at, this.at + count)
    this.at += count
    return slice
  }

  /** Octets not read yet. */
  rest(): Buffer {
    return this.octets.subarray(this.at)
  }
}

/** A PDU that cannot be read: the reason is a short sentence. */
export class PduError extends Error {
  override readonly name = 'PduError'
}

/** Digits in swapped semi-octets, `F` filling the last nibble (TS 23.040 §9.1.2.3). */
export function encodeSemiOctets(digits: string): Buffer {
  const padded = digits.length % 2 === 1 ? `${digits}F` : digits
  const octets = Buffer.alloc(padded.length / 2)
  for (let at = 0; at < padded.length; at += 2) octets[at / 2] = parseInt(`${padded[at + 1]}${padded[at]}`, 16)
  return octets
}

/** Swapped semi-octets as digits, stopping at an `F` filler; `*`, `#`, `a`, `b`, `c` for nibbles 10–14. */
export function decodeSemiOctets(octets: Buffer): string {
  const nibbles = '0123456789*#abc'
  let digits = ''
  for (const octet of octets)
    for (const nibble of [octet & 0x0f, octet >> 4]) {
      if (nibble === 0x0f) return digits
      digits += nibbles[nibble]
    }
  return digits
}

/** A number or name as written in AT commands (`+491701234567`, `12345`, `Bank`) and its type of address. */
export interface SmsAddress {
  number: string
  type: number
}

/** The type of address a written number has: international with `+`, unknown digits, else alphanumeric. */
export function describeAddress(text: string): SmsAddress {
  if (/^\+[0-9*#]+$/.test(text)) return { number: text, type: TOA_INTERNATIONAL }
  if (/^[0-9*#]*$/.test(text)) return { number: text, type: TOA_UNKNOWN }
  return { number: text, type: TOA_ALPHANUMERIC }
}

/** TP-OA / TP-DA: the number of useful semi-octets, the type, the digits (or packed name). */
export function encodeTpAddress(address: SmsAddress): Buffer {
  if ((address.type & 0x70) === 0x50) {
    const septets = encodeGsm7Septets(address.number) ?? []
    const packed = packSeptets(septets)
    return Buffer.concat([Buffer.from([Math.ceil((septets.length * 7) / 4), address.type]), packed])
  }
  const digits = address.number.replace(/^\+/, '')
  return Buffer.concat([Buffer.from([digits.length, address.type]), encodeSemiOctets(digits)])
}

export function decodeTpAddress(reader: PduReader): SmsAddress {
  const semiOctets = reader.byte()
  const type = reader.byte()
  const octets = reader.bytes(Math.ceil(semiOctets / 2))
  if ((type & 0x70) === 0x50) return { number: decodeGsm7Septets(unpackSeptets(octets, Math.floor((semiOctets * 4) / 7))), type }
  const digits = decodeSemiOctets(octets)
  return { number: (type & 0x70) === 0x10 ? `+${digits}` : digits, type }
}

/** The SMSC address before a TPDU: its length in octets (type included), or a single 00 for none. */
export function encodeScAddress(address: SmsAddress | undefined): Buffer {
  if (address === undefined || address.number === '') return Buffer.from([0])
  const digits = encodeSemiOctets(address.number.replace(/^\+/, ''))
  return Buffer.concat([Buffer.from([digits.length + 1, address.type]), digits])
}

export function decodeScAddress(reader: PduReader): SmsAddress | undefined {
  const length = reader.byte()
  if (length === 0) return undefined
  const type = reader.byte()
  const digits = decodeSemiOctets(reader.bytes(length - 1))
  return { number: (type & 0x70) === 0x10 ? `+${digits}` : digits, type }
}

/** A moment with the sender's zone, as TP-SCTS carries it: seconds resolution, zone in quarter hours. */
export interface SmsTimestamp {
  utcMs: number
  zoneQh: number
}

/** TP-SCTS: year to second and zone, each two swapped semi-octets; the zone's sign is bit 3 (TS 23.040 §9.2.3.11). */
export function encodeTimestamp(stamp: SmsTimestamp): Buffer {
  const local = new Date(stamp.utcMs + stamp.zoneQh * 15 * 60_000)
  const fields = [
    local.getUTCFullYear() % 100,
    local.getUTCMonth() + 1,
    local.getUTCDate(),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
  ]
  const zone = Math.abs(stamp.zoneQh)
  const swap = (n: number): number => ((n % 10) << 4) | Math.floor(n / 10)
  return Buffer.from([...fields.map(swap), swap(zone) | (stamp.zoneQh < 0 ? 0x08 : 0)])
}

export function decodeTimestamp(octets: Buffer): SmsTimestamp {
  const unswap = (octet: number): number => (octet & 0x07) * 10 + (octet >> 4)
  const [yy, mo, dd, hh, mi, ss] = [...octets.subarray(0, 6)].map(octet => (octet & 0x0f) * 10 + (octet >> 4)) as number[]
  const zoneOctet = octets[6] ?? 0
  const zoneQh = (zoneOctet & 0x08 ? -1 : 1) * unswap(zoneOctet)
  // Two-digit years: 90–99 are the last century's (the first GSM messages), the rest this one's.
  const year = (yy ?? 0) >= 90 ? 1900 + (yy ?? 0) : 2000 + (yy ?? 0)
  const localMs = Date.UTC(year, (mo ?? 1) - 1, dd ?? 1, hh ?? 0, mi ?? 0, ss ?? 0)
  return { utcMs: localMs - zoneQh * 15 * 60_000, zoneQh }
}

/** How user data is coded (TS 23.038 §4). */
export type SmsAlphabet = 'gsm7' | '8bit' | 'ucs2'

/** The alphabet a TP-DCS names; the reserved codings read as GSM 7-bit, as TS 23.038 asks receivers to. */
export function readDcsAlphabet(dcs: number): SmsAlphabet {
  const group = dcs >> 4
  if (group === 0x0f) return dcs & 0x04 ? '8bit' : 'gsm7'
  if (group === 0x0e) return 'ucs2'
  if (group >= 0x0c) return 'gsm7'
  const coding = (dcs >> 2) & 0x03
  return coding === 1 ? '8bit' : coding === 2 ? 'ucs2' : 'gsm7'
}

/** The TP-DCS of the general data coding group for an alphabet, no message class. */
export function dcsOf(alphabet: SmsAlphabet): number {
  return alphabet === 'gsm7' ? 0x00 : alphabet === '8bit' ? 0x04 : 0x08
}

/** One part of a concatenated message (TS 23.040 §9.2.3.24.1, .8): reference, parts in all, this part's number from 1. */
export interface SmsConcat {
  ref: number
  total: number
  seq: number
}

/** A user data header holding only a concatenation element (8-bit reference below 256, 16-bit above). */
export function encodeConcatHeader(concat: SmsConcat): Buffer {
  if (concat.ref < 0x100) return Buffer.from([5, 0x00, 3, concat.ref, concat.total, concat.seq])
  return Buffer.from([6, 0x08, 4, concat.ref >> 8, concat.ref & 0xff, concat.total, concat.seq])
}

/** The concatenation element of a user data header (UDHL first), if it has one. */
export function readConcatHeader(header: Buffer): SmsConcat | undefined {
  let at = 1
  while (at + 1 < header.length) {
    const iei = header[at] ?? 0
    const length = header[at + 1] ?? 0
    const data = header.subarray(at + 2, at + 2 + length)
    if (iei === 0x00 && length === 3) return { ref: data[0] ?? 0, total: data[1] ?? 0, seq: data[2] ?? 0 }
    if (iei === 0x08 && length === 4) return { ref: ((data[0] ?? 0) << 8) | (data[1] ?? 0), total: data[2] ?? 0, seq: data[3] ?? 0 }
    at += 2 + length
  }
  return undefined
}
