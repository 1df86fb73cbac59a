/**
 * The FTP(S) service and session (A76XX / SIM7600 manual, FTPS chapter): AT+CFTPSSTART / STOP, AT+CFTPSLOGIN /
 * LOGOUT, and the settings AT+CFTPSSSLCFG, AT+CFTPSSINGLEIP, AT+CFTPSTYPE. Results follow OK as URCs.
 */
import { hasArgCount, readInt, readOptionalInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import { FTPS_ERR } from '../../../modem/families/simcom/ftp-codes.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { buildTlsSettings } from '../../sockets/tls-settings.js'
import { FtpConnection, type FtpLogin, type FtpServerType } from './ftp-connection.js'

/** How long the module waits for the server before it reports a timeout (5). */
const FTP_TIMEOUT_MS = 30_000

function startService(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec' || ctx.state.ftpStarted) return replyError()
  const up = ctx.state.simPresent && ctx.state.networkUp
  ctx.state.ftpStarted = up
  ctx.emitUrc(`+CFTPSSTART: ${up ? FTPS_ERR.ok : FTPS_ERR.networkError}`)
  return replyOk()
}

function stopService(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec' || !ctx.state.ftpStarted) return replyError()
  closeFtpSession(ctx)
  ctx.state.ftpStarted = false
  ctx.emitUrc(`+CFTPSSTOP: ${FTPS_ERR.ok}`)
  return replyOk()
}

/** Ends the session at once, without QUIT (AT+CFTPSSTOP, a reboot, a lost network). */
export function closeFtpSession(ctx: { state: CommandContext['state'] }): void {
  ctx.state.ftpConnection?.close()
  delete ctx.state.ftpConnection
  ctx.state.ftpBusy = false
}

/**
 * The network went: the session is gone without QUIT and the service is stopped, so a login needs AT+CFTPSSTART
 * again. An operation still running reports the network error (10); an idle session ends without a URC.
 */
export function loseFtpNetwork(ctx: { state: CommandContext['state'] }): void {
  const { state } = ctx
  state.ftpConnection?.lose(FTPS_ERR.networkError, 'the network went away')
  delete state.ftpConnection
  state.ftpStarted = false
}

/** AT+CFTPSLOGIN="<host>",<port>,"<user>","<password>"[,<server_type>]. */
function logIn(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CFTPSLOGIN: "ADDRESS",(1-65535),"USERNAME","PASSWORD",(0-3)')
  const { state } = ctx
  const host = readString(cmd, 0)
  const port = readInt(cmd, 1, 1, 65535)
  const user = readString(cmd, 2)
  const password = readString(cmd, 3)
  const serverType = readOptionalInt(cmd, 4, 0, 3, 0) as FtpServerType | undefined
  const valid = host !== undefined && host !== '' && port !== undefined && user !== undefined && password !== undefined
  if (cmd.form !== 'write' || !hasArgCount(cmd, 4, 5) || !valid || serverType === undefined) return replyError()
  if (!state.ftpStarted || state.ftpConnection !== undefined || state.ftpBusy) return replyError()
  const login = describeLogin(ctx, { host, port, user, password, serverType })
  if (typeof login === 'number') {
    ctx.emitUrc(`+CFTPSLOGIN: ${login}`)
    return replyOk()
  }
  state.ftpBusy = true
  void FtpConnection.open(login, () => reportPeerClosed(ctx)).then(outcome => {
    if (!ctx.isCurrent()) return outcome.ok ? outcome.value.close() : undefined
    state.ftpBusy = false
    // The network went while the login ran: the service is stopped, so the session it opened is given up.
    if (outcome.ok && !state.ftpStarted) outcome.value.close()
    const code = !state.ftpStarted ? FTPS_ERR.networkError : outcome.ok ? FTPS_ERR.ok : outcome.code
    if (outcome.ok && state.ftpStarted) state.ftpConnection = outcome.value
    if (!outcome.ok) ctx.note(`FTP login failed: ${outcome.note}`)
    ctx.emitUrc(`+CFTPSLOGIN: ${code}`)
  })
  return replyOk()
}

type LoginRequest = Pick<FtpLogin, 'port' | 'user' | 'password' | 'serverType'> & { host: string }

/** Where the login really goes and with which TLS settings, or the module's error code when it cannot. */
function describeLogin(ctx: CommandContext, request: LoginRequest): FtpLogin | number {
  const target = ctx.resolve(request.host, request.port)
  if (!target.ok) {
    ctx.note(target.note)
    return FTPS_ERR.networkError
  }
  const base = { ...request, host: target.host, port: target.port, serverName: request.host, timeoutMs: FTP_TIMEOUT_MS }
  if (request.serverType === 0) return base
  const context = ctx.state.ssl[ctx.state.ftpSslContext]
  const tls = context === undefined ? undefined : buildTlsSettings(context, ctx.files, request.host)
  if (tls === undefined || !tls.ok) {
    ctx.note(tls?.note ?? 'no SSL context')
    return FTPS_ERR.sslAlert
  }
  return { ...base, tls: tls.settings }
}

/** The server ended the control connection: the session is gone, and the module says so. */
function reportPeerClosed(ctx: CommandContext): void {
  if (!ctx.isCurrent() || ctx.state.ftpConnection === undefined) return
  closeFtpSession(ctx)
  ctx.emitUrc('+CFTPSNOTIFY: PEER CLOSED')
}

function logOut(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const connection = ctx.state.ftpConnection
  if (cmd.form !== 'exec' || connection === undefined || ctx.state.ftpBusy) return replyError()
  delete ctx.state.ftpConnection
  void connection.logout().then(() => ctx.emitUrc(`+CFTPSLOGOUT: ${FTPS_ERR.ok}`))
  return replyOk()
}

function configureSsl(cmd: AtCommand, ctx: CommandContext): Reply {
  const max = ctx.profile.limits.sslContexts - 1
  if (cmd.form === 'test') return replyOk(`+CFTPSSSLCFG: (0-${max})`)
  if (cmd.form === 'read') return replyOk(`+CFTPSSSLCFG: ${ctx.state.ftpSslContext}`)
  const index = readInt(cmd, 0, 0, max)
  if (cmd.form !== 'write' || !hasArgCount(cmd, 1, 1) || index === undefined) return replyError()
  ctx.state.ftpSslContext = index
  return replyOk()
}

function configureSingleIp(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CFTPSSINGLEIP: (0,1)')
  if (cmd.form === 'read') return replyOk(`+CFTPSSINGLEIP: ${ctx.state.ftpSingleIp}`)
  const value = readInt(cmd, 0, 0, 1)
  if (cmd.form !== 'write' || !hasArgCount(cmd, 1, 1) || value === undefined) return replyError()
  ctx.state.ftpSingleIp = value as 0 | 1
  return replyOk()
}

/** AT+CFTPSTYPE=A / I (quoted or not): the TYPE sent before each transfer. */
function configureType(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CFTPSTYPE: (A,I)')
  if (cmd.form === 'read') return replyOk(`+CFTPSTYPE: ${ctx.state.ftpType}`)
  const type = cmd.args[0]?.text.toUpperCase()
  if (cmd.form !== 'write' || !hasArgCount(cmd, 1, 1) || (type !== 'A' && type !== 'I')) return replyError()
  ctx.state.ftpType = type
  return replyOk()
}

/** AT+CFTPSABORT sends ABOR; the running transfer then reports a transfer failure (6). */
function abortTransfer(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const connection = ctx.state.ftpConnection
  if (cmd.form !== 'exec' || connection === undefined || !ctx.state.ftpBusy) return replyError()
  connection.abortTransfer()
  return replyOk()
}

export const FTP_SESSION_HANDLERS: HandlerTable = {
  '+CFTPSSTART': startService,
  '+CFTPSSTOP': stopService,
  '+CFTPSLOGIN': logIn,
  '+CFTPSLOGOUT': logOut,
  '+CFTPSSSLCFG': configureSsl,
  '+CFTPSSINGLEIP': configureSingleIp,
  '+CFTPSTYPE': configureType,
  '+CFTPSABORT': abortTransfer,
}
