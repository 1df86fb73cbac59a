/**
 * Transparent mode (AT+CIPMODE=1, SIM7600 TCP/IP application note 9.1.2): TCP link 0 opens with `CONNECT 115200`
 * instead of `OK` and `+CIPOPEN`, and then carries its bytes over the serial port in online data mode. `+++`
 * suspends it (`OK`), ATO resumes it (`CONNECT 115200`), and its end prints `CLOSED`.
 */
import type { AtCommand } from '../../../modem/at-command-line.js'
import { TCPIP_ERR } from '../../../modem/families/simcom/tcpip-codes.js'
import type { CommandContext } from '../../command-context.js'
import { replyError, replyLater, replyOnline, replyResult, type OnlineSession, type Reply } from '../../reply.js'
import { connectTcpLink } from './link-socket.js'
import { describeLinkEvents } from './tcpip-events.js'
import type { TcpipLink } from './tcpip-state.js'

/** The only link transparent mode has. */
export const TRANSPARENT_LINK = 0
/** What the module prints on entering online data mode: CONNECT and its UART rate. */
export const TRANSPARENT_CONNECT = 'CONNECT 115200'
/** The connect timeout of a transparent link (ms), as for AT+CIPOPEN in command mode. */
const CONNECT_TIMEOUT_MS = 120_000

/** AT+CIPOPEN in transparent mode: only a TCP client on link 0; its answer waits for the connection. */
export function openTransparentLink(ctx: CommandContext, linkNo: number, protocol: string | undefined, host: string, port: number): Reply {
  const rejected = (err: number): Reply => replyError(`+CIPOPEN: ${linkNo},${err}`)
  if (linkNo !== TRANSPARENT_LINK || protocol !== 'TCP' || host === '' || port <= 0) return rejected(TCPIP_ERR.wrongParameter)
  const resolved = ctx.resolve(host, port)
  if (!resolved.ok) {
    ctx.note(resolved.note)
    return rejected(TCPIP_ERR.dnsFailed)
  }
  const link: TcpipLink = { protocol: 'TCP', phase: 'opening', host, port, localPort: 0, unread: Buffer.alloc(0) }
  ctx.state.links[linkNo] = link
  const opening = connectTcpLink(resolved.host, resolved.port, CONNECT_TIMEOUT_MS, describeLinkEvents(ctx, linkNo, link))
  return replyLater(
    opening.then(opened => {
      const isCurrent = ctx.isCurrent() && ctx.state.links[linkNo] === link && link.phase === 'opening'
      if (!opened.ok || !isCurrent) {
        if (opened.ok) opened.socket.destroy()
        if (isCurrent) ctx.state.links[linkNo] = undefined
        ctx.note(`AT+CIPOPEN=${linkNo} to ${host}:${port} (transparent): ${opened.ok ? 'link gone' : opened.reason}`)
        return rejected(TCPIP_ERR.networkFailure)
      }
      const socket = opened.socket
      link.socket = socket
      link.phase = 'open'
      const session: OnlineSession = { fromHost: bytes => void socket.send(bytes) }
      link.online = session
      return replyOnline(TRANSPARENT_CONNECT, session)
    }),
  )
}

/** ATO: back to the transparent link's data after `+++`; without one, `NO CARRIER` (V.250 6.3.7). */
export function resumeOnline(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'write' && cmd.args[0]?.text !== '0') return replyError()
  const link = ctx.state.links[TRANSPARENT_LINK]
  if (link?.online === undefined || link.phase !== 'open') return replyResult('NO CARRIER')
  return replyOnline(TRANSPARENT_CONNECT, link.online)
}
