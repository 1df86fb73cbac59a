/**
 * Masks secrets before anything is recorded: values marked secret, device identifiers
 * (IMEI, IMSI, ICCID) by rule, MQTT passwords on `AT+CMQTTCONNECT`, and PEM private keys.
 * The run record, the streamed transcript and every report only ever see masked text.
 */
import { isUtf8 } from 'node:buffer'

/** What replaces a masked value. */
export const MASK = '••••••'

export interface MaskerOptions {
  /** Literal values to mask wherever they appear (secret vars, secret captures). */
  secrets?: Iterable<string>
  /** Mask IMEI/IMSI/ICCID-shaped numbers; default true. */
  maskIdentifiers?: boolean
}

// A PEM private key (downloaded with AT+CCERTDOWN) in full.
const PRIVATE_KEY_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g
// AT+CMQTTCONNECT=<idx>,"<url>",<keepalive>,<clean>[,"<user>"[,"<password>"]]: the password is the 6th field.
const CONNECT_PASSWORD = /(AT\+CMQTTCONNECT=\s*\d+\s*,\s*"[^"]*"\s*,\s*\d+\s*,\s*\d+\s*,\s*"[^"]*"\s*,\s*")([^"]*)(")/gi
// IMEI and IMSI are 15 digits, ICCID 19-20 digits starting 89 (optionally ending in F).
const IDENTIFIER = /(?<![0-9])(89\d{17,18}F?|\d{15})(?![0-9])/g

/** Masks secrets in text; one instance per run, fed new secrets as they are captured. */
export class Masker {
  private readonly secrets = new Set<string>()
  private readonly maskIdentifiers: boolean

  constructor(options: MaskerOptions = {}) {
    for (const value of options.secrets ?? []) this.addSecret(value)
    this.maskIdentifiers = options.maskIdentifiers ?? true
  }

  /** Adds a value to mask from now on; empty values are ignored (they would mask everything). */
  addSecret(value: string): void {
    if (value.length > 0) this.secrets.add(value)
  }

  /** Returns the text with every secret, password, private key and (unless opted out) identifier masked. */
  mask(text: string): string {
    let masked = text.replace(PRIVATE_KEY_BLOCK, `-----PRIVATE KEY ${MASK}-----`)
    masked = masked.replace(CONNECT_PASSWORD, `$1${MASK}$3`)
    for (const secret of this.longestFirst()) masked = masked.split(secret).join(MASK)
    if (this.maskIdentifiers) masked = masked.replace(IDENTIFIER, MASK)
    return masked
  }

  /** Masks raw bytes: as UTF-8 when they are valid UTF-8, else byte for byte (latin1) so binary payloads survive. */
  maskBytes(bytes: Buffer): Buffer {
    const encoding: BufferEncoding = isUtf8(bytes) ? 'utf8' : 'latin1'
    const text = bytes.toString(encoding)
    const masked = this.mask(text)
    return masked === text ? bytes : Buffer.from(masked, encoding)
  }

  private longestFirst(): string[] {
    return [...this.secrets].sort((a, b) => b.length - a.length)
  }
}
