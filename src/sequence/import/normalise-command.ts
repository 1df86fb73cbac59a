/** A command cell as a modem can take it, and what had to change. */
export interface NormalisedCommand {
  command: string
  /** Index (in the original) of the first curly quote, if any was replaced. */
  curlyQuoteAt?: number
  spacesRemoved: boolean
}

const CURLY = /[\u201C\u201D\u201E\u2033]/g
const CURLY_SINGLE = /[\u2018\u2019]/g

/** Replaces curly quotes by straight ones and drops blanks after commas outside quotes (`=0, "x"` becomes `=0,"x"`). */
export function normaliseCommand(cell: string): NormalisedCommand {
  const first = cell.search(/[\u201C\u201D\u201E\u2033\u2018\u2019]/)
  const straight = cell.replace(CURLY, '"').replace(CURLY_SINGLE, "'")
  let command = ''
  let quoted = false
  for (let i = 0; i < straight.length; i++) {
    const c = straight[i]!
    if (c === '"') quoted = !quoted
    if (!quoted && /\s/.test(c) && command.endsWith(',')) continue
    command += c
  }
  return { command, ...(first >= 0 ? { curlyQuoteAt: first } : {}), spacesRemoved: command !== straight }
}
