/** An AT command line taken apart: `AT+CMQTTTOPIC=0,13` is name CMQTTTOPIC, form set, params ["0", "13"]. */
export interface CommandText {
  name: string
  form: 'set' | 'read' | 'test' | 'execute'
  params: string[]
}

const EXTENDED = /^AT\+([A-Z][A-Z0-9]*)(=\?|\?|=)?(.*)$/i

/** Parses an extended AT command (`AT+NAME...`); undefined for basic commands like `ATE0` or for non-commands. */
export function parseCommandText(line: string): CommandText | undefined {
  const match = EXTENDED.exec(line.trim())
  if (match === null) return undefined
  const [, name, operator, rest] = match as unknown as [string, string, string | undefined, string]
  const form = operator === '=?' ? 'test' : operator === '?' ? 'read' : operator === '=' ? 'set' : 'execute'
  return { name: name.toUpperCase(), form, params: form === 'set' ? splitParameters(rest) : [] }
}

/** Splits parameters at commas outside double quotes, trimming each. */
export function splitParameters(text: string): string[] {
  const params: string[] = []
  let current = ''
  let quoted = false
  for (const c of text) {
    if (c === '"' || c === '\u201C' || c === '\u201D') quoted = !quoted
    if (c === ',' && !quoted) { params.push(current.trim()); current = '' } else current += c
  }
  params.push(current.trim())
  return params
}

/** The `+NAME` a response line or URC starts with (`+CMQTTSUB: 0,0` gives CMQTTSUB). */
export function readResponseName(line: string): string | undefined {
  return /^\+([A-Z][A-Z0-9]*)(?::|$)/.exec(line)?.[1]
}
