/** Makes control characters visible so that text from a modem can be placed in any document. */

// C0 controls other than TAB and LF, and DEL: they have no visible form and some documents forbid them.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F]/g
const HAS_INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F]/

/** Replaces each control character except TAB and LF with `\xNN`. */
export function showControlChars(text: string): string {
  return text.replace(INVISIBLE, char => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

/** Returns a copy of plain data (objects, arrays, strings) with `showControlChars` applied to every string. */
export function showControlCharsDeep<T>(value: T): T {
  if (typeof value === 'string') return (HAS_INVISIBLE.test(value) ? showControlChars(value) : value) as T
  if (Array.isArray(value)) return value.map(item => showControlCharsDeep(item)) as T
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) copy[key] = showControlCharsDeep(item)
    return copy as T
  }
  return value
}

// In JSON text from JSON.stringify: the short escapes of BS, FF and CR and the `\u00XX` of the other C0 controls,
// each after an even run of backslashes (so that the `\\r` of a literal backslash and `r` is never read as CR),
// and a raw DEL. JSON.stringify writes TAB and LF as `\t` and `\n`, which stay.
const JSON_INVISIBLE = /(?<!\\)((?:\\\\)*)\\(?:([bfr])|u00([01][0-9a-f]))|\u007F/g
const JSON_SHORT_ESCAPES: Record<string, string> = { b: '08', f: '0c', r: '0d' }

/**
 * Does to JSON text what `showControlCharsDeep` does to the value it encodes: parsing the result gives every
 * string with its control characters shown as `\xNN`. One pass over the text instead of a copy of the whole value.
 * `json` must be what `JSON.stringify` wrote.
 */
export function showControlCharsInJson(json: string): string {
  // The backslashes' group always takes part in an escape's match (empty when there are none).
  return json.replace(JSON_INVISIBLE, (escape, backslashes: string, short: string | undefined, hex: string | undefined) =>
    escape === '\u007f' ? '\\\\x7f' : `${backslashes}\\\\x${short === undefined ? hex : JSON_SHORT_ESCAPES[short]}`,
  )
}

// What a terminal acts on: C0 controls (ESC starts escape sequences, BEL rings, CR overwrites), DEL, C1 controls
// (0x9B is a one-byte CSI), and the bidi and invisible format characters that reorder or hide what is shown.
const TERMINAL_ACTIVE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g

/** Makes text from a modem inert on a terminal: every control, escape and bidi character as `\xNN` or `\uNNNN`; TAB stays. */
export function showControlCharsForTerminal(text: string): string {
  return text.replace(TERMINAL_ACTIVE, char => {
    const code = char.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}
