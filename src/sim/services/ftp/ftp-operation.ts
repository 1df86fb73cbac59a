/**
 * How an FTP(S) command that talks to the server answers: `OK` at once (or `ERROR` when there is no session, or
 * one operation is still running), then the outcome as a URC once the server answered.
 */
import type { CommandContext } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import type { FtpConnection, FtpOutcome } from './ftp-connection.js'

/**
 * Runs `operation` on the logged-in session; `report` prints what a success prints, a failure prints
 * `<name>: <errcode>` (and a note saying why).
 */
export function runOnSession<T>(
  ctx: CommandContext,
  name: string,
  operation: (connection: FtpConnection) => Promise<FtpOutcome<T>>,
  report: (value: T) => void,
): Reply {
  const { state } = ctx
  const connection = state.ftpConnection
  if (!state.ftpStarted || connection === undefined || state.ftpBusy) return replyError()
  state.ftpBusy = true
  void operation(connection).then(outcome => {
    if (!ctx.isCurrent()) return
    state.ftpBusy = false
    if (outcome.ok) return report(outcome.value)
    ctx.note(`${name.slice(1)} failed: ${outcome.note}`)
    ctx.emitUrc(`${name}: ${outcome.code}`)
  })
  return replyOk()
}

/** A quoted path parameter as the server should see it, or undefined. */
export function readRemotePath(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text
}
