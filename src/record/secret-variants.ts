/**
 * The forms a secret can take on the wire or in a report: as written, and as every template helper can
 * transform it (hex, upper/lower case, AT-quoted) plus base64. `len` leaks only a length and is left alone.
 */

/** Every form of a secret worth masking; matched case-insensitively, which also covers `upper`, `lower` and lower-case hex. */
export function listSecretVariants(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8')
  const variants = [
    value,
    bytes.toString('hex'),
    bytes.toString('base64'),
    bytes.toString('base64').replace(/=+$/, ''),
    value.replace(/\\/g, '\\5C').replace(/"/g, '\\22'),
    JSON.stringify(value).slice(1, -1),
  ]
  return [...new Set(variants.filter(variant => variant.length > 0))]
}
