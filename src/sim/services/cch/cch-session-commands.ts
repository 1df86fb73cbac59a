/** Sessions: AT+CCHOPEN (plain TCP or SSL/TLS client), AT+CCHSEND (fixed length) and AT+CCHCLOSE. */
import { readInt, readOptionalInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import { CCH_ERR } from '../../../modem/families/simcom/cch-codes.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, replyPrompt, type Reply } from '../../reply.js'
import { describeSessionEvents } from './cch-events.js'
import { connectCchSocket, type CchTarget } from './cch-socket.js'
import { CCH_SESSIONS, type CchSession } from './cch-state.js'

const LAST_SESSION = CCH_SESSIONS - 1
const PORTS = { min: 1, max: 65535 }
const SEND_BYTES = { min: 1, max: 2048 }
/** `<client_type>`: 1 plain TCP, 2 SSL/TLS (the A76XX SSL application note's examples 3.1 and 3.2). */
const CLIENT_TYPE = { tcp: 1, tls: 2 } as const

/** One line per session: `+CCHOPEN: <id>,"<host>",<port>,<type>,<bind_port>`, or `+CCHOPEN: <id>,"",,,` when free. */
function listSessions(ctx: CommandContext): Reply {
  return replyOk(
    ...ctx.state.cch.sessions.map((session, sessionId) =>
      session === undefined || session.phase !== 'open'
        ? `+CCHOPEN: ${sessionId},"",,,`
        : `+CCHOPEN: ${sessionId},"${session.host}",${session.port},${session.clientType},${session.bindPort}`,
    ),
  )
}

function openSession(cmd: AtCommand, ctx: CommandContext): Reply {
  const { cch } = ctx.state
  if (cmd.form === 'test') return replyOk(`+CCHOPEN: (0-${LAST_SESSION}),"ADDRESS",(1-65535)[,(1-2)[,(1-65535)]]`)
  if (cmd.form === 'read') return listSessions(ctx)
  const sessionId = readInt(cmd, 0, 0, LAST_SESSION)
  const host = readString(cmd, 1)
  const port = readInt(cmd, 2, PORTS.min, PORTS.max)
  const clientType = readOptionalInt(cmd, 3, CLIENT_TYPE.tcp, CLIENT_TYPE.tls, CLIENT_TYPE.tls)
  const bindPort = readOptionalInt(cmd, 4, PORTS.min, PORTS.max, 0)
  const valid = sessionId !== undefined && host !== undefined && host !== '' && port !== undefined
  if (cmd.form !== 'write' || !valid || clientType === undefined || bindPort === undefined || cmd.args.length > 5) return replyError()
  if (cch.sessions[sessionId] !== undefined) return replyError()
  const session: CchSession = { phase: 'opening', host, port, clientType: clientType === 1 ? 1 : 2, bindPort: 0, unread: Buffer.alloc(0) }
  cch.sessions[sessionId] = session
  const target = describeTarget(ctx, sessionId, session)
  if (!target.ok) {
    cch.sessions[sessionId] = undefined
    ctx.note(target.note)
    ctx.emitUrc(`+CCHOPEN: ${sessionId},${CCH_ERR.dns}`)
    return replyOk()
  }
  void connectSession(ctx, sessionId, session, target.target)
  return replyOk()
}

function describeTarget(
  ctx: CommandContext,
  sessionId: number,
  session: CchSession,
): { ok: true; target: CchTarget } | { ok: false; note: string } {
  const resolved = ctx.resolve(session.host, session.port)
  if (!resolved.ok) return { ok: false, note: resolved.note }
  const address = { host: resolved.host, port: resolved.port }
  if (session.clientType === CLIENT_TYPE.tcp) return { ok: true, target: { address, serverName: session.host } }
  // Without AT+CCHSSLCFG the session uses the SSL context of its own number.
  const context = ctx.state.ssl[ctx.state.cch.sslContexts[sessionId] ?? sessionId]
  if (context === undefined) return { ok: false, note: `no SSL context for session ${sessionId}` }
  return { ok: true, target: { address, serverName: session.host, tls: { context, files: ctx.files } } }
}

async function connectSession(ctx: CommandContext, sessionId: number, session: CchSession, target: CchTarget): Promise<void> {
  const opened = await connectCchSocket(target, describeSessionEvents(ctx, sessionId, session))
  const isCurrent = ctx.isCurrent() && ctx.state.cch.sessions[sessionId] === session && session.phase === 'opening'
  if (!opened.ok || !isCurrent) {
    if (opened.ok) opened.socket.destroy()
    if (!isCurrent) return
    ctx.state.cch.sessions[sessionId] = undefined
    ctx.note(`AT+CCHOPEN=${sessionId} to ${session.host}:${session.port}: ${opened.ok ? '' : opened.note}`)
    return ctx.emitUrc(`+CCHOPEN: ${sessionId},${opened.ok ? CCH_ERR.unknown : opened.code}`)
  }
  session.socket = opened.socket
  session.bindPort = opened.socket.localPort
  session.phase = 'open'
  ctx.emitUrc(`+CCHOPEN: ${sessionId},${CCH_ERR.ok}`)
}

function sendData(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk(`+CCHSEND: (0-${LAST_SESSION}),(${SEND_BYTES.min}-${SEND_BYTES.max})`)
  const sessionId = readInt(cmd, 0, 0, LAST_SESSION)
  const length = readInt(cmd, 1, SEND_BYTES.min, SEND_BYTES.max)
  if (cmd.form !== 'write' || sessionId === undefined || length === undefined || cmd.args.length !== 2) return replyError()
  const session = ctx.state.cch.sessions[sessionId]
  if (session === undefined || session.phase !== 'open') return replyError()
  return replyPrompt(length, data => sendOnSession(ctx, sessionId, session, data))
}

/** `+CCHSEND: <id>,0` follows OK when reporting is on; it is printed before the write completes, so no echo overtakes it. */
function sendOnSession(ctx: CommandContext, sessionId: number, session: CchSession, data: Buffer): Reply {
  const socket = ctx.state.cch.sessions[sessionId] === session ? session.socket : undefined
  if (socket === undefined) return replyError()
  if (ctx.state.cch.reportSend) ctx.emitUrc(`+CCHSEND: ${sessionId},${CCH_ERR.ok}`)
  void socket.send(data)
  return replyOk()
}

/** OK, then `+CCHCLOSE: <id>,0`; a session still connecting is given up. */
function closeSession(cmd: AtCommand, ctx: CommandContext): Reply {
  const { cch } = ctx.state
  if (cmd.form === 'test') return replyOk(`+CCHCLOSE: (0-${LAST_SESSION})`)
  const sessionId = readInt(cmd, 0, 0, LAST_SESSION)
  if (cmd.form !== 'write' || sessionId === undefined || cmd.args.length !== 1) return replyError()
  const session = cch.sessions[sessionId]
  if (session === undefined) return replyError()
  session.socket?.destroy()
  cch.sessions[sessionId] = undefined
  ctx.emitUrc(`+CCHCLOSE: ${sessionId},${CCH_ERR.ok}`)
  return replyOk()
}

/** AT+CCHOPEN, AT+CCHSEND and AT+CCHCLOSE. */
export const CCH_SESSION_HANDLERS: HandlerTable = {
  '+CCHOPEN': openSession,
  '+CCHSEND': sendData,
  '+CCHCLOSE': closeSession,
}
