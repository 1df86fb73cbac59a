/**
 * AT+HTTPACTION: the request itself, answered by `OK` and then `+HTTPACTION: <method>,<statuscode>,<datalen>`, the
 * status being the server's or the module's 7xx `<errcode>`; and what a lost network or power-down does to it.
 */
import { readInt, type AtCommand } from '../../../modem/at-command-line.js'
import { HTTP_ERR, HTTP_METHODS } from '../../../modem/families/simcom/http-codes.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { METHOD, sendModuleRequest } from './http-request.js'

function runAction(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk(`+HTTPACTION: (0-${HTTP_METHODS.length - 1})`)
  const session = ctx.state.http
  const method = readInt(cmd, 0, 0, HTTP_METHODS.length - 1)
  if (cmd.form !== 'write' || session === undefined || method === undefined || cmd.args.length !== 1) return replyError()
  const body = method === METHOD.post || method === METHOD.put ? (session.body ?? Buffer.alloc(0)) : undefined
  const sent = sendModuleRequest(ctx, session, {
    method,
    ...(body === undefined ? {} : { body }),
    report: (status, length) => ctx.emitUrc(`+HTTPACTION: ${method},${status},${length}`),
  })
  return sent ? replyOk() : replyError()
}

/** The network went away: the session reports `+HTTP_NONET_EVENT`; a request in flight ends with 717 in its own result line. */
export function loseHttpNetwork(ctx: CommandContext): void {
  const session = ctx.state.http
  if (session === undefined) return
  ctx.emitUrc('+HTTP_NONET_EVENT')
  const pending = session.pending
  if (pending === undefined) return
  pending.cancel()
  session.pending = undefined
  pending.report(HTTP_ERR.noNetwork, 0)
}

/** Power-down: a request in flight is dropped silently. */
export function closeHttpSession(ctx: CommandContext): void {
  ctx.state.http?.pending?.cancel()
}

export const HTTP_ACTION_HANDLERS: HandlerTable = {
  '+HTTPACTION': runAction,
}
