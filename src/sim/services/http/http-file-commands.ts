/**
 * The HTTP(S) session and the module's file system: AT+HTTPPOSTFILE sends a file as the request body (`OK`, then
 * `+HTTPPOSTFILE: <statuscode>,<datalen>`), AT+HTTPREADFILE saves the last answer's body as a file (`OK`, then
 * `+HTTPREADFILE: <errcode>`). `<path>` 1 is the root of `C:`, 2 the root of the profile's second drive.
 */
import { readOptionalInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import { HTTP_ERR, HTTP_METHODS } from '../../../modem/families/simcom/http-codes.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { METHOD, sendModuleRequest } from './http-request.js'

/** The file `<filename>` names in the root of the drive `<path>` (1 or 2), or undefined without that drive. */
function resolveFile(ctx: CommandContext, cmd: AtCommand): string | undefined {
  const name = readString(cmd, 0)
  const path = readOptionalInt(cmd, 1, 1, 2, 1)
  const drive = path === undefined ? undefined : ctx.flash.spec.drives[path - 1]
  if (name === undefined || name === '' || drive === undefined || !drive.present) return undefined
  return ctx.flash.resolve(`${drive.name}/`, name)
}

/** AT+HTTPPOSTFILE=<filename>[,<path>[,<method>[,<send_header>]]]: the file is the body (default method POST). */
function postFile(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk(`+HTTPPOSTFILE: "FILENAME",(1-2),(0-${HTTP_METHODS.length - 1}),(0-1)`)
  const session = ctx.state.http
  const file = resolveFile(ctx, cmd)
  const method = readOptionalInt(cmd, 2, 0, HTTP_METHODS.length - 1, METHOD.post)
  const sendHeader = readOptionalInt(cmd, 3, 0, 1, 0)
  if (cmd.form !== 'write' || cmd.args.length > 4 || session === undefined || file === undefined) return replyError()
  if (method === undefined || sendHeader === undefined) return replyError()
  const report = (status: number, length: number): void => ctx.emitUrc(`+HTTPPOSTFILE: ${status},${length}`)
  const bytes = ctx.flash.readFile(file)?.bytes
  if (bytes === undefined) {
    if (session.pending !== undefined) return replyError()
    ctx.note(`AT+HTTPPOSTFILE: no file ${file}`)
    report(HTTP_ERR.memoryError, 0)
    return replyOk()
  }
  const request = sendHeader === 1 ? splitHeaderFile(bytes) : { body: bytes, headers: {} }
  const sent = sendModuleRequest(ctx, session, { method, body: request.body, headers: request.headers, report })
  return sent ? replyOk() : replyError()
}

/**
 * `<send_header>` 1: the file holds header lines, an empty line, then the body; its lines go out as the request's
 * headers (a line of the same name replaces the module's own), the rest as the body.
 */
function splitHeaderFile(bytes: Buffer): { body: Buffer; headers: Record<string, string> } {
  const end = bytes.indexOf('\r\n\r\n')
  const headText = bytes.subarray(0, end < 0 ? bytes.length : end).toString('latin1')
  const headers: Record<string, string> = {}
  for (const line of headText.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim()
  }
  const body = end < 0 ? Buffer.alloc(0) : bytes.subarray(end + 4)
  return { body, headers: { ...headers, 'Content-Length': String(body.length) } }
}

/** AT+HTTPREADFILE=<filename>[,<path>]: the last answer's body becomes the file (replacing one of that name). */
function readToFile(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+HTTPREADFILE: "FILENAME",(1-2)')
  const session = ctx.state.http
  const file = resolveFile(ctx, cmd)
  if (cmd.form !== 'write' || cmd.args.length > 2 || session === undefined || file === undefined) return replyError()
  const response = session.response
  if (response === undefined || session.pending !== undefined) return replyError()
  const stored = ctx.flash.writeFile(file, response.body)
  if (!stored.ok) ctx.note(`AT+HTTPREADFILE: cannot store ${file}: ${stored.reason}`)
  ctx.emitUrc(`+HTTPREADFILE: ${stored.ok ? 0 : HTTP_ERR.memoryError}`)
  return replyOk()
}

export const HTTP_FILE_HANDLERS: HandlerTable = {
  '+HTTPPOSTFILE': postFile,
  '+HTTPREADFILE': readToFile,
}
