/**
 * Masks PEM private keys, whole or written in parts (a key split over several `data:` steps): once a
 * `BEGIN ... PRIVATE KEY` is seen without its `END`, the body lines that follow are masked until the `END`.
 */

const BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g
// The part of an unfinished key: its header and the body lines after it, not what follows (a `>` prompt, an OK).
const OPENING = /-----BEGIN [A-Z ]*PRIVATE KEY-----(?:\s*[A-Za-z0-9+/=]+)*/
const CLOSING = /^[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/
// A run of base64 body text (a middle part of a key); short lines such as `OK` are not key material.
const BODY_ONLY = /^[\s\x1a]*[A-Za-z0-9+/=\s]{16,}[\s\x1a]*$/

/** Masks private key material in text, remembering a key left open for the texts that follow. */
export class PrivateKeyMask {
  private keyOpen = false

  /** `onKeyLine` learns each line of key material masked, so its echo or a copy elsewhere is masked too. */
  constructor(
    private readonly mask: string,
    private readonly onKeyLine: (line: string) => void,
  ) {}

  /** Returns the text with every private key (or part of one) replaced. */
  apply(text: string): string {
    // Every pattern below needs a `-----` line, except a body line of a key left open.
    if (!this.keyOpen && !text.includes('-----')) return text
    let masked = text
    if (this.keyOpen || !masked.includes('-----BEGIN')) masked = this.maskClosing(masked)
    masked = masked.replace(BLOCK, block => this.replace(block, this.mask))
    if (OPENING.test(masked)) {
      this.keyOpen = true
      return masked.replace(OPENING, part => this.replace(part, this.mask))
    }
    if (this.keyOpen && BODY_ONLY.test(masked)) return this.replace(masked, this.mask)
    return masked
  }

  // The tail of a key whose beginning came earlier: everything up to its END line.
  private maskClosing(text: string): string {
    if (!CLOSING.test(text)) return text
    this.keyOpen = false
    return text.replace(CLOSING, part => this.replace(part, this.mask))
  }

  private replace(material: string, replacement: string): string {
    for (const line of material.split(/[\r\n]+/)) {
      const body = line.trim()
      if (body.length >= 8 && !body.startsWith('-----')) this.onKeyLine(body)
    }
    return replacement
  }
}
