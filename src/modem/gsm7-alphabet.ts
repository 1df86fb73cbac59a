/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 §6.2.1), and septet packing
 * (TS 23.038 §6.1.2.1.1): text to septets and back, septets to octets and back.
 */

/** The default alphabet, indexed by septet value. */
const DEFAULT_ALPHABET =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'

/** The escape septet that selects the extension table for the next septet. */
const ESCAPE = 0x1b

/** Characters of the extension table, by the septet that follows the escape. */
const EXTENSION: ReadonlyMap<number, string> = new Map([
  [0x0a, '\f'],
  [0x14, '^'],
  [0x28, '{'],
  [0x29, '}'],
  [0x2f, '\\'],
  [0x3c, '['],
  [0x3d, '~'],
  [0x3e, ']'],
  [0x40, '|'],
  [0x65, '€'],
])

const DEFAULT_BY_CHAR: ReadonlyMap<string, number> = new Map([...DEFAULT_ALPHABET].map((char, septet) => [char, septet]))
const EXTENSION_BY_CHAR: ReadonlyMap<string, number> = new Map([...EXTENSION].map(([septet, char]) => [char, septet]))

/** The septets of `text`, or undefined when a character has no place in either table. */
export function encodeGsm7Septets(text: string): number[] | undefined {
  const septets: number[] = []
  for (const char of text) {
    const plain = DEFAULT_BY_CHAR.get(char)
    const extended = EXTENSION_BY_CHAR.get(char)
    if (plain !== undefined && char !== '\u001b') septets.push(plain)
    else if (extended !== undefined) septets.push(ESCAPE, extended)
    else return undefined
  }
  return septets
}

/** Whether every character of `text` has a GSM 7-bit encoding. */
export function isGsm7Text(text: string): boolean {
  return encodeGsm7Septets(text) !== undefined
}

/** The text of septets; an escape before a septet the extension table lacks reads as that septet (§6.2.1.1). */
export function decodeGsm7Septets(septets: readonly number[]): string {
  let text = ''
  for (let at = 0; at < septets.length; at++) {
    const septet = septets[at] ?? 0
    if (septet !== ESCAPE) {
      text += DEFAULT_ALPHABET[septet] ?? ''
      continue
    }
    const next = septets[++at]
    if (next === undefined) break
    text += EXTENSION.get(next) ?? DEFAULT_ALPHABET[next] ?? ''
  }
  return text
}

/**
 * Packs septets into octets, least significant bits first; `fillBits` zero bits come first so the septets
 * start on a septet boundary after a user data header (TS 23.040 §9.2.3.24).
 */
export function packSeptets(septets: readonly number[], fillBits = 0): Buffer {
  const totalBits = fillBits + septets.length * 7
  const octets = Buffer.alloc(Math.ceil(totalBits / 8))
  septets.forEach((septet, index) => {
    const bit = fillBits + index * 7
    const byte = bit >> 3
    const shift = bit & 7
    octets[byte] = (octets[byte] ?? 0) | ((septet << shift) & 0xff)
    if (shift > 1) octets[byte + 1] = (octets[byte + 1] ?? 0) | (septet >> (8 - shift))
  })
  return octets
}

/** Unpacks `count` septets from octets, skipping `fillBits` leading bits. */
export function unpackSeptets(octets: Buffer, count: number, fillBits = 0): number[] {
  const septets: number[] = []
  for (let index = 0; index < count; index++) {
    const bit = fillBits + index * 7
    const byte = bit >> 3
    const shift = bit & 7
    const word = (octets[byte] ?? 0) | ((octets[byte + 1] ?? 0) << 8)
    septets.push((word >> shift) & 0x7f)
  }
  return septets
}
