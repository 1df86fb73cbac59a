/** The CCH service and its settings: AT+CCHSET, AT+CCHMODE, AT+CCHSTART, AT+CCHSTOP, AT+CCHADDR, AT+CCHSSLCFG. */
import { readInt, readOptionalInt, type AtCommand } from '../../../modem/at-command-line.js'
import { CCH_ERR } from '../../../modem/families/simcom/cch-codes.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { CCH_SESSIONS } from './cch-state.js'

const LAST_SESSION = CCH_SESSIONS - 1

/** AT+CCHSET=<report_send_result>[,<recv_mode>]; the flow of the application note sets it before AT+CCHSTART. */
function configureReports(cmd: AtCommand, ctx: CommandContext): Reply {
  const { cch } = ctx.state
  if (cmd.form === 'test') return replyOk('+CCHSET: (0-1),(0-1)')
  if (cmd.form === 'read') return replyOk(`+CCHSET: ${cch.reportSend ? 1 : 0},${cch.receiveMode === 'manual' ? 1 : 0}`)
  const report = readInt(cmd, 0, 0, 1)
  const mode = readOptionalInt(cmd, 1, 0, 1, cch.receiveMode === 'manual' ? 1 : 0)
  if (cmd.form !== 'write' || report === undefined || mode === undefined || cmd.args.length > 2 || cch.started) return replyError()
  cch.reportSend = report === 1
  cch.receiveMode = mode === 1 ? 'manual' : 'push'
  return replyOk()
}

/** Only non-transparent mode (0) is simulated: transparent mode needs a data mode the simulator does not have. */
function setTransferMode(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CCHMODE: (0-1)')
  if (cmd.form === 'read') return replyOk('+CCHMODE: 0')
  const mode = readInt(cmd, 0, 0, 1)
  if (cmd.form !== 'write' || mode === undefined || cmd.args.length !== 1 || ctx.state.cch.started) return replyError()
  if (mode === 1) {
    ctx.note('AT+CCHMODE=1 (transparent mode) is not simulated')
    return replyError()
  }
  return replyOk()
}

/** OK, then `+CCHSTART: 0` as the application note's examples show; without network `+CCHSTART: 9`. */
function startService(cmd: AtCommand, ctx: CommandContext): Reply {
  const { state } = ctx
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec' || state.cch.started) return replyError()
  if (!state.simPresent || !state.networkUp) {
    ctx.emitUrc(`+CCHSTART: ${CCH_ERR.network}`)
    return replyOk()
  }
  state.cch.started = true
  state.activePdp.add(1)
  ctx.emitUrc(`+CCHSTART: ${CCH_ERR.ok}`)
  return replyOk()
}

/** Sessions still open end as closed by the module (`+CCHCLOSE: <id>,0`) before `+CCHSTOP: 0`. */
function stopService(cmd: AtCommand, ctx: CommandContext): Reply {
  const { cch } = ctx.state
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec' || !cch.started) return replyError()
  cch.sessions.forEach((session, sessionId) => {
    if (session === undefined) return
    session.socket?.destroy()
    cch.sessions[sessionId] = undefined
    ctx.emitUrc(`+CCHCLOSE: ${sessionId},${CCH_ERR.ok}`)
  })
  cch.started = false
  cch.sslContexts.fill(undefined)
  ctx.emitUrc(`+CCHSTOP: ${CCH_ERR.ok}`)
  return replyOk()
}

function showAddress(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec') return replyError()
  return replyOk(`+CCHADDR: ${ctx.profile.defaults.pdpAddress}`)
}

/** AT+CCHSSLCFG=<session_id>,<ssl_ctx_index>: which AT+CSSLCFG context the session's next AT+CCHOPEN uses. */
function bindSslContext(cmd: AtCommand, ctx: CommandContext): Reply {
  const { cch } = ctx.state
  const lastContext = ctx.profile.limits.sslContexts - 1
  if (cmd.form === 'test') return replyOk(`+CCHSSLCFG: (0-${LAST_SESSION}),(0-${lastContext})`)
  if (cmd.form === 'read') return replyOk(...cch.sslContexts.map((index, sessionId) => `+CCHSSLCFG: ${sessionId},${index ?? ''}`))
  const sessionId = readInt(cmd, 0, 0, LAST_SESSION)
  const index = readInt(cmd, 1, 0, lastContext)
  if (cmd.form !== 'write' || sessionId === undefined || index === undefined || cmd.args.length !== 2) return replyError()
  if (cch.sessions[sessionId] !== undefined) return replyError()
  cch.sslContexts[sessionId] = index
  return replyOk()
}

/** The commands that work whether the service runs or not. */
export const CCH_SETUP_HANDLERS: HandlerTable = {
  '+CCHSET': configureReports,
  '+CCHMODE': setTransferMode,
  '+CCHSTART': startService,
  '+CCHSTOP': stopService,
}

/** The commands that need AT+CCHSTART first. */
export const CCH_STARTED_HANDLERS: HandlerTable = {
  '+CCHADDR': showAddress,
  '+CCHSSLCFG': bindSslContext,
}
