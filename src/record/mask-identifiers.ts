/**
 * Device identifiers masked by kind, keeping their shape: each digit becomes `0`, so a sequence that checks
 * `/^\d{15}$/` still passes on a masked record (a replay of it), yet no real identifier is left.
 */

// ICCID: 19-20 digits starting 89 (the ITU-T E.118 telecom prefix, the same for every SIM), maybe ending F.
const ICCID = /(?<![0-9A-Za-z])89(\d{17,18})(F?)(?![0-9A-Za-z])/g
// IMEI (15), IMEI without its check digit (14), IMEISV (16), IMSI (15): a run of 14-16 digits on its own.
const DEVICE_NUMBER = /(?<![0-9A-Za-z])\d{14,16}(?![0-9A-Za-z])/g
// An MSISDN in international form: `+` and 8-15 digits.
const INTERNATIONAL_NUMBER = /(?<![0-9A-Za-z+])\+\d{8,15}(?![0-9])/g
// +CNUM: "<alpha>","<number>",<type>: the number in any form.
const CNUM_NUMBER = /(\+CNUM:\s*"[^"]*"\s*,\s*")(\+?)(\d+)(")/gi
// Every rule above needs eight digits in a row or `+CNUM`; most lines have neither and skip the four scans.
const MAY_HOLD_IDENTIFIER = /\d{8}|\+CNUM/i

/** Returns the text with every IMEI/IMEISV, IMSI, ICCID and MSISDN-shaped number masked digit for digit. */
export function maskIdentifiers(text: string): string {
  if (!MAY_HOLD_IDENTIFIER.test(text)) return text
  return text
    .replace(CNUM_NUMBER, (_all, head: string, plus: string, digits: string, tail: string) => `${head}${plus}${zeros(digits)}${tail}`)
    .replace(ICCID, (_all, digits: string, f: string) => `89${zeros(digits)}${f}`)
    .replace(DEVICE_NUMBER, zeros)
    .replace(INTERNATIONAL_NUMBER, number => `+${zeros(number.slice(1))}`)
}

function zeros(digits: string): string {
  return '0'.repeat(digits.length)
}
