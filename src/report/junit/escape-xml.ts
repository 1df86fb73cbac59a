/** Escaping for XML 1.0 text and attribute values, including characters XML 1.0 cannot carry at all. */

// XML 1.0 allows TAB, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and U+10000 and above; everything else
// (NUL and the other C0 controls a modem may send, lone surrogates, U+FFFE/U+FFFF) must not appear.
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }
const ATTRIBUTE_ENTITIES: Record<string, string> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
}

/** Replaces each character XML 1.0 forbids with a visible `\xNN` (or `\uNNNN`) so nothing is lost silently. */
export function replaceForbiddenXmlChars(text: string): string {
  return text.replace(FORBIDDEN, char => {
    const code = char.charCodeAt(0)
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

/** Escapes text content: `&`, `<`, `>` and forbidden characters. */
export function escapeXmlText(text: string): string {
  return replaceForbiddenXmlChars(text).replace(/[&<>]/g, char => TEXT_ENTITIES[char] ?? char)
}

/** Escapes an attribute value (double-quoted); keeps tabs and line breaks as character references. */
export function escapeXmlAttribute(text: string): string {
  return replaceForbiddenXmlChars(text).replace(/[&<>"'\t\n\r]/g, char => ATTRIBUTE_ENTITIES[char] ?? char)
}
