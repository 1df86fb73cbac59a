/**
 * AT+CCHRECV in manual receive mode: `?` tells how much each session holds, `=<id>[,<max_recv_len>]` reads it:
 * OK, then `+CCHRECV: DATA,<id>,<len>` with the bytes, then `+CCHRECV: <id>,0`.
 */
import { readInt, readOptionalInt, type AtCommand } from '../../../modem/at-command-line.js'
import { CCH_ERR } from '../../../modem/families/simcom/cch-codes.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { CCH_BLOCK_BYTES } from './cch-events.js'
import { CCH_SESSIONS } from './cch-state.js'

const LAST_SESSION = CCH_SESSIONS - 1

function receiveCommand(cmd: AtCommand, ctx: CommandContext): Reply {
  const { cch } = ctx.state
  if (cmd.form === 'test') return replyOk(`+CCHRECV: (0-${LAST_SESSION}),(0-${CCH_BLOCK_BYTES})`)
  if (cmd.form === 'read') return replyOk(`+CCHRECV: LEN,${cch.sessions.map(session => session?.unread.length ?? 0).join(',')}`)
  const sessionId = readInt(cmd, 0, 0, LAST_SESSION)
  // 0 or nothing reads what is there, up to one block.
  const wanted = readOptionalInt(cmd, 1, 0, CCH_BLOCK_BYTES, 0)
  if (cmd.form !== 'write' || sessionId === undefined || wanted === undefined || cmd.args.length > 2) return replyError()
  const session = cch.sessions[sessionId]
  if (cch.receiveMode !== 'manual' || session === undefined || session.unread.length === 0) return replyError()
  const data = session.unread.subarray(0, wanted === 0 ? CCH_BLOCK_BYTES : wanted)
  session.unread = Buffer.from(session.unread.subarray(data.length))
  ctx.emitBytes(Buffer.concat([Buffer.from(`\r\n+CCHRECV: DATA,${sessionId},${data.length}\r\n`, 'latin1'), data]))
  ctx.emitUrc(`+CCHRECV: ${sessionId},${CCH_ERR.ok}`)
  return replyOk()
}

/** AT+CCHRECV. */
export const CCH_RECEIVE_HANDLERS: HandlerTable = {
  '+CCHRECV': receiveCommand,
}
