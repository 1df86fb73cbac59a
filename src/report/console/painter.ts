/**
 * Terminal styles for console output and error messages, through `util.styleText`. Whether to style at all is
 * decided once per stream by the caller (`--no-color`, `FORCE_COLOR`, `NO_COLOR`, a TTY), so the stream check
 * `styleText` makes on its own in some Node versions is switched off here.
 */
import { styleText } from 'node:util'

/** The styles atseq uses: status colours, dim for detail, bold for names. */
export type TextStyle = 'red' | 'green' | 'yellow' | 'dim' | 'bold'

/** Styles a text, or returns it as it is when colour is off. */
export type Painter = (style: TextStyle, text: string) => string

/** A painter that styles when `color` is true and passes text through otherwise. */
export function createPainter(color: boolean): Painter {
  if (!color) return (_style, text) => text
  return (style, text) => styleText(style, text, { validateStream: false })
}
