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
