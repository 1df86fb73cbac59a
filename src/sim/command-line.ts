/**
 * A command line as the modem splits it: `AT+CSQ;+CREG?` is two commands run in order, and the V.250 S-parameters
 * (`ATS3=13`, `ATS4?`) are read here because the shared parser knows only letter and extended commands.
 */
import { parseAtCommand, type AtCommand } from '../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from './command-context.js'
import { replyError, replyOk, type Reply } from './reply.js'

const S_PARAMETER = /^S(\d{1,2})(\?|=(\d{1,3}))?$/i

/** The commands of one line in order; undefined when any of them cannot be read (the modem answers ERROR). */
export function readCommandLine(line: string): AtCommand[] | undefined {
  if (!/^AT/i.test(line)) return undefined
  const commands: AtCommand[] = []
  for (const piece of splitAtSemicolons(line.slice(2))) {
    const command = readSParameter(piece) ?? parseAtCommand(`AT${piece}`)
    if (command === undefined) return undefined
    commands.push(command)
  }
  return commands
}

/** Splits at `;` outside quotes; a trailing `;` ends the line without an empty command. */
function splitAtSemicolons(body: string): string[] {
  const pieces: string[] = []
  let quoted = false
  let start = 0
  for (let at = 0; at < body.length; at++) {
    if (body[at] === '"') quoted = !quoted
    else if (body[at] === ';' && !quoted) {
      pieces.push(body.slice(start, at))
      start = at + 1
    }
  }
  if (start < body.length || pieces.length === 0) pieces.push(body.slice(start))
  return pieces
}

function readSParameter(piece: string): AtCommand | undefined {
  const match = S_PARAMETER.exec(piece.trim())
  if (match === null) return undefined
  const name = `S${Number(match[1])}`
  const line = `AT${piece}`
  if (match[2] === undefined) return { name, form: 'exec', args: [], line }
  if (match[2] === '?') return { name, form: 'read', args: [], line }
  return { name, form: 'write', args: [{ text: match[3] ?? '', quoted: false }], line }
}

/**
 * Runs the commands of one line in order and answers once: every command's response lines, then the final result
 * code of the first that failed, else `OK`. A prompt or a slow answer can only come from a line's single command.
 */
export function runCommandLine(commands: AtCommand[], handlers: HandlerTable, ctx: CommandContext): Reply {
  const lines: string[] = []
  for (const command of commands) {
    const handler = handlers[command.name]
    const reply = handler === undefined ? replyError() : handler(command, ctx)
    if (commands.length === 1) return reply
    if (reply.kind !== 'done') return replyError(...lines)
    lines.push(...reply.lines)
    if (reply.final.kind !== 'ok') return { kind: 'done', lines, final: reply.final }
  }
  return replyOk(...lines)
}
