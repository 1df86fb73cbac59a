/**
 * Reads one command line the way the modem does: `AT` prefix, a command name, and its form
 * (exec `AT+X`, read `AT+X?`, test `AT+X=?`, write `AT+X=a,"b"`). Pure; no I/O.
 */
import { findUrcRule, isQueryFormOf, type UrcRule } from './urc-rule.js'

export type CommandForm = 'exec' | 'read' | 'test' | 'write'

/** One parameter as written: its text without quotes, and whether it was quoted. */
export interface AtArg {
  text: string
  quoted: boolean
}

export interface AtCommand {
  /** Upper-cased name: `+CMQTTSTART`, `E` (ATE0), `I` (ATI), or `` for a bare `AT`. */
  name: string
  form: CommandForm
  args: AtArg[]
  /** The line as the host typed it, without its CR. */
  line: string
}

const EXTENDED_NAME = /^[+&^$%#*][A-Za-z0-9]+/
const BASIC_COMMAND = /^([A-Za-z])(\d*)$/

/** Parses a command line; undefined when it does not start with `AT` or cannot be read (the modem answers ERROR). */
export function parseAtCommand(line: string): AtCommand | undefined {
  if (!/^AT/i.test(line)) return undefined
  const body = line.slice(2).trimEnd()
  if (body === '') return { name: '', form: 'exec', args: [], line }
  const basic = BASIC_COMMAND.exec(body)
  if (basic) return parseBasicCommand(basic[1] ?? '', basic[2] ?? '', line)
  const name = EXTENDED_NAME.exec(body)?.[0]
  if (name === undefined) return undefined
  return parseExtendedTail(name.toUpperCase(), body.slice(name.length), line)
}

function parseBasicCommand(letter: string, digits: string, line: string): AtCommand {
  const args = digits === '' ? [] : [{ text: digits, quoted: false }]
  return { name: letter.toUpperCase(), form: digits === '' ? 'exec' : 'write', args, line }
}

function parseExtendedTail(name: string, tail: string, line: string): AtCommand | undefined {
  if (tail === '') return { name, form: 'exec', args: [], line }
  if (tail === '?') return { name, form: 'read', args: [], line }
  if (tail === '=?') return { name, form: 'test', args: [], line }
  if (!tail.startsWith('=')) return undefined
  const args = parseArgs(tail.slice(1))
  return args === undefined ? undefined : { name, form: 'write', args, line }
}

/** Splits `0,"client test0",1` into arguments; undefined for an unterminated quote or text after a closing quote. */
export function parseArgs(text: string): AtArg[] | undefined {
  const args: AtArg[] = []
  let rest = text
  for (;;) {
    const arg = readOneArg(rest)
    if (arg === undefined) return undefined
    args.push(arg.arg)
    if (arg.rest === '') return args
    rest = arg.rest.slice(1) // skip the comma
  }
}

function readOneArg(text: string): { arg: AtArg; rest: string } | undefined {
  const trimmed = text.trimStart()
  if (trimmed.startsWith('"')) {
    const end = trimmed.indexOf('"', 1)
    if (end < 0) return undefined
    const rest = trimmed.slice(end + 1).trimStart()
    if (rest !== '' && !rest.startsWith(',')) return undefined
    return { arg: { text: trimmed.slice(1, end), quoted: true }, rest }
  }
  const comma = trimmed.indexOf(',')
  const raw = comma < 0 ? trimmed : trimmed.slice(0, comma)
  return { arg: { text: raw.trim(), quoted: false }, rest: comma < 0 ? '' : trimmed.slice(comma) }
}

/** An integer parameter, or undefined when missing, quoted, not a decimal integer or outside min..max. */
export function readInt(cmd: AtCommand, index: number, min: number, max: number): number | undefined {
  const arg = cmd.args[index]
  if (arg === undefined || arg.quoted || !/^\d+$/.test(arg.text)) return undefined
  const value = Number(arg.text)
  return value >= min && value <= max ? value : undefined
}

/** Like readInt, but a missing or empty parameter gives `fallback`. */
export function readOptionalInt(cmd: AtCommand, index: number, min: number, max: number, fallback: number): number | undefined {
  const arg = cmd.args[index]
  if (arg === undefined || (arg.text === '' && !arg.quoted)) return fallback
  return readInt(cmd, index, min, max)
}

/** A quoted string parameter, or undefined when missing or unquoted. */
export function readString(cmd: AtCommand, index: number): string | undefined {
  const arg = cmd.args[index]
  return arg !== undefined && arg.quoted ? arg.text : undefined
}

/** Whether the command has between min and max parameters. */
export function hasArgCount(cmd: AtCommand, min: number, max: number): boolean {
  return cmd.args.length >= min && cmd.args.length <= max
}

/** `+CMQTTSTART` for `AT+CMQTTSTART`, when the URC rules know it as a URC: the command's asynchronous result. */
export function asyncResultNameOf(command: string, urcs: readonly UrcRule[]): string | undefined {
  const name = resultUrcNameOf(command)
  // `AT+CPIN?` is answered by its response line `+CPIN: READY`, not by a URC still to come.
  if (name === undefined || isQueryFormOf(command, name)) return undefined
  return findUrcRule(name, urcs) !== undefined ? name : undefined
}

/** The result URC name of a command line: `AT+CMQTTDISC=0,120` → `+CMQTTDISC`; undefined for basic commands. */
export function resultUrcNameOf(command: string): string | undefined {
  const name = parseAtCommand(command.trim())?.name
  return name !== undefined && name.startsWith('+') ? name : undefined
}

/** The `+NAME` a response line or URC starts with (`+CMQTTSUB: 0,0` gives `+CMQTTSUB`). */
export function readResponseName(line: string): string | undefined {
  return /^(\+[A-Z][A-Z0-9]*)(?::|$)/.exec(line)?.[1]
}
