/**
 * URC rules: which lines are unsolicited, and which of them announce a payload read by length.
 */

/**
 * One kind of URC, named as it appears on the wire without the colon (`+CMQTTRXSTART`, `RDY`).
 * A line matches when it equals the name or starts with `name:`.
 */
export interface UrcRule {
  name: string
  /**
   * For payload URCs (`+CMQTTRXPAYLOAD: 0,60`): the 0-based index of the comma-separated
   * parameter after the colon that gives how many raw bytes follow the line.
   */
  payloadLengthParam?: number
  /**
   * Only lines whose parameter `param` equals `text` announce the payload: Quectel's `+QIURC: "recv",0,5` does,
   * its `+QIURC: "closed",0` and `+QIURC: "dnsgip",0,1,600` do not.
   */
  payloadWhen?: { param: number; text: string }
  /**
   * Only lines with exactly this many parameters announce the payload: Quectel's `+QIRD: 5` does, its query answer
   * `+QIRD: 5,0,5` (total, read, unread) does not; PDU-mode `+CDS: 25` does, text-mode `+CDS: 6,1,...` does not.
   */
  payloadParamCount?: number
  /**
   * The payload length is written right after the name, with no colon (`+IPD16`): the line matches only
   * as the name followed by digits, and those digits are the length.
   */
  lengthInName?: boolean
  /** A length of 0 ends a series of payload blocks (`+HTTPREAD: 0`) instead of announcing an empty payload. */
  zeroLengthEnds?: boolean
  /**
   * The payload is the one line after this one, up to its line end, whatever it says: 27.005's `+CMT: ...` and
   * `+CDS: <length>` are followed by the message text or its PDU, which may read `OK` or start with `>`.
   */
  payloadIsNextLine?: boolean
  /**
   * The payload sits inside the line as its last parameter, quoted, after a quoted parameter and its length:
   * `+QMTRECV: 0,1,"t",5,"a\r\nb!"`. Those bytes are part of the line, so CR LF in them do not end it.
   */
  payloadInLine?: boolean
}

/** Whether `line` is an instance of the URC `rule`. */
export function isUrcRuleMatch(line: string, rule: UrcRule): boolean {
  if (!line.startsWith(rule.name)) return false
  if (rule.lengthInName === true) return /^\d{1,9}$/.test(line.slice(rule.name.length))
  return line.length === rule.name.length || line.charCodeAt(rule.name.length) === 0x3a /* ':' */
}

/** The first rule the line matches, if any. */
export function findUrcRule(line: string, rules: readonly UrcRule[]): UrcRule | undefined {
  for (const rule of rules) if (isUrcRuleMatch(line, rule)) return rule
  return undefined
}

/**
 * Whether `commandLine` is the read (`AT+X?`) or test (`AT+X=?`) form of the command named `name`:
 * then `+X: ...` lines are that command's response, not URCs.
 */
export function isQueryFormOf(commandLine: string, name: string): boolean {
  const command = commandLine.trim().toUpperCase()
  if (!command.startsWith('AT')) return false
  const body = command.slice(2)
  const upperName = name.toUpperCase()
  return body === `${upperName}?` || body === `${upperName}=?`
}

/**
 * Whether a line is a URC given the command running now (if any): it matches a rule, unless the
 * command is the read/test form of that same command (`AT+CMQTTCONNECT?` answers `+CMQTTCONNECT: ...`).
 */
export function isUrcLine(line: string, rules: readonly UrcRule[], runningCommand?: string): boolean {
  const rule = findUrcRule(line, rules)
  if (rule === undefined) return false
  return runningCommand === undefined || !isQueryFormOf(runningCommand, rule.name)
}

/** Whether `line` is a URC whose payload is the next line (`+CMT: ...` and then the text). */
export function isPayloadLineAnnounced(line: string, rules: readonly UrcRule[]): boolean {
  return rules.some(rule => rule.payloadIsNextLine === true && isUrcRuleMatch(line, rule) && hasPayloadParamCount(line, rule))
}

/** Text-mode `+CDS: 6,<mr>,...` is one line; PDU-mode `+CDS: <length>` has its PDU on the next. */
function hasPayloadParamCount(line: string, rule: UrcRule): boolean {
  return rule.payloadParamCount === undefined || line.slice(rule.name.length + 1).split(',').length === rule.payloadParamCount
}

/**
 * For a payload URC line, how many raw bytes follow it; undefined for other lines or a malformed length.
 * Lengths above `maxBytes` are refused (a garbled header must not swallow the stream).
 */
export function readPayloadLength(line: string, rules: readonly UrcRule[], maxBytes: number): number | undefined {
  // A URC may announce its payload in more than one form (`+HTTPREAD: 5`, `+HTTPREAD: DATA,5`): the first rule that reads a length wins.
  for (const rule of rules) {
    if (!isUrcRuleMatch(line, rule)) continue
    const field = rule.lengthInName === true ? line.slice(rule.name.length) : readLengthParam(line, rule)
    if (field === undefined || !/^\d{1,9}$/.test(field)) continue
    const length = Number(field)
    if (length === 0 && rule.zeroLengthEnds === true) return undefined
    return length <= maxBytes ? length : undefined
  }
  return undefined
}

function readLengthParam(line: string, rule: UrcRule): string | undefined {
  if (rule.payloadLengthParam === undefined) return undefined
  const params = line.slice(rule.name.length + 1).split(',')
  if (rule.payloadWhen !== undefined && params[rule.payloadWhen.param]?.trim() !== rule.payloadWhen.text) return undefined
  if (rule.payloadParamCount !== undefined && params.length !== rule.payloadParamCount) return undefined
  return params[rule.payloadLengthParam]?.trim()
}

/** A quoted parameter's closing quote, then `,<digits>,"`: the length parameter and the payload's opening quote. */
const IN_LINE_LENGTH = /",(\d{1,9}),"$/

/**
 * For the start of a line that ends with the opening quote of an in-line payload (`+QMTRECV: 0,1,"t",5,"`), how
 * many raw bytes of payload follow inside the line; undefined when no `payloadInLine` rule announces one there.
 */
export function readInLinePayloadLength(lineSoFar: string, rules: readonly UrcRule[], maxBytes: number): number | undefined {
  const found = IN_LINE_LENGTH.exec(lineSoFar)
  if (found === null) return undefined
  // The quotes up to the length must pair up, else the `",5,"` sits inside a quoted topic (`"a",5,"b"`).
  const before = lineSoFar.slice(0, found.index + 1)
  if ((before.split('"').length - 1) % 2 !== 0) return undefined
  const rule = rules.find(r => r.payloadInLine === true && isUrcRuleMatch(lineSoFar, r))
  if (rule === undefined) return undefined
  const length = Number(found[1])
  return length <= maxBytes ? length : undefined
}

/** Whether any of `rules` reads a payload inside its line. */
export function hasInLinePayloads(rules: readonly UrcRule[]): boolean {
  return rules.some(rule => rule.payloadInLine === true)
}
