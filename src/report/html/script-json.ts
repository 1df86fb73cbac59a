/** Embeds data in an HTML page as a `<script type="application/json">` block that no data can break out of. */
import { showControlCharsInJson } from '../text/show-control-chars.js'

// `<` covers `</script>` and `<!--`; `>` covers `-->`; U+2028/2029 end a line in older script parsers.
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g

/**
 * JSON text safe inside a script element: every character that could end or comment it out is `\uXXXX`-escaped,
 * and the control characters in its strings are shown as `\xNN` text, as everywhere in the report.
 */
export function serializeForScriptBlock(value: unknown): string {
  return showControlCharsInJson(JSON.stringify(value)).replace(
    UNSAFE_IN_SCRIPT,
    char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
