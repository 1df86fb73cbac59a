/**
 * Reading the last answer: AT+HTTPHEAD (`+HTTPHEAD: <len>` and the header bytes before OK) and AT+HTTPREAD
 * (`+HTTPREAD: LEN,<len>`, or after OK blocks of at most 1024 bytes announced by length, ended by a zero block).
 */
import { readInt, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, replyOkWithPayload, type Reply } from '../../reply.js'
import { MAX_RESPONSE_BYTES } from './http-request.js'
import type { HttpResponse, HttpSession } from './http-state.js'

/** The most bytes one `+HTTPREAD:` block carries; a longer read comes as several blocks. */
export const READ_BLOCK_BYTES = 1024

function readHead(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const response = ctx.state.http?.response
  if (cmd.form !== 'exec' || response === undefined) return replyError()
  return replyOkWithPayload([`+HTTPHEAD: ${response.head.length}`], response.head)
}

function readBody(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk(`+HTTPREAD: (0-${MAX_RESPONSE_BYTES}),(1-${MAX_RESPONSE_BYTES})`)
  const session = ctx.state.http
  if (session === undefined) return replyError()
  if (cmd.form === 'read') return replyOk(`+HTTPREAD: LEN,${session.response === undefined ? 0 : unreadBytes(session)}`)
  const hasOffset = cmd.args.length === 2
  const offset = hasOffset ? readInt(cmd, 0, 0, MAX_RESPONSE_BYTES) : 0
  const size = readInt(cmd, hasOffset ? 1 : 0, 1, MAX_RESPONSE_BYTES)
  const response = session.response
  if (cmd.form !== 'write' || offset === undefined || size === undefined || cmd.args.length > 2 || response === undefined) {
    return replyError()
  }
  printBlocks(ctx, takeBytes(session, response, offset, size))
  return replyOk()
}

/** READMODE 0 consumes what is read, and `<offset>` skips unread bytes; READMODE 1 reads from the body's start and keeps it. */
function takeBytes(session: HttpSession, response: HttpResponse, offset: number, size: number): Buffer {
  if (session.params.readMode === 1) return response.body.subarray(offset, offset + size)
  const start = Math.min(response.body.length, response.readBytes + offset)
  const data = response.body.subarray(start, start + size)
  response.readBytes = start + data.length
  return data
}

function unreadBytes(session: HttpSession): number {
  const response = session.response
  if (response === undefined) return 0
  return session.params.readMode === 1 ? response.body.length : response.body.length - response.readBytes
}

function printBlocks(ctx: CommandContext, data: Buffer): void {
  const dataForm = ctx.profile.behaviour.httpReadLines === 'data'
  for (let at = 0; at < data.length; at += READ_BLOCK_BYTES) {
    const block = data.subarray(at, at + READ_BLOCK_BYTES)
    ctx.emitUrc(dataForm ? `+HTTPREAD: DATA,${block.length}` : `+HTTPREAD: ${block.length}`)
    ctx.emitBytes(block)
  }
  ctx.emitUrc(dataForm ? '+HTTPREAD:0' : '+HTTPREAD: 0')
}

export const HTTP_READ_HANDLERS: HandlerTable = {
  '+HTTPHEAD': readHead,
  '+HTTPREAD': readBody,
}
