/**
 * Sockets: AT+QIOPEN answers `OK`, then `+QIOPEN: <id>,<err>` once the connect settled (0: open; UDP opens at once);
 * AT+QICLOSE frees the socket; AT+QISTATE lists sockets; AT+QIGETERROR tells the last command's error.
 */
import { readInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { readTraits } from '../../profiles/read-quectel-traits.js'
import { connectTcpLink, openUdpLink } from '../tcpip/link-socket.js'
import { createQiLinkEvents, isCurrentQiLink } from './qtcpip-events.js'
import { QI_ERR, QI_ERR_TEXT } from './qi-error.js'
import type { QiLink } from './qtcpip-state.js'

const CONNECT_TIMEOUT_MS = 20_000
/** AT+QISTATE <socket_state>: 1 opening, 2 connected, 4 closing (TCP/IP AT manual). */
const SOCKET_STATE: Readonly<Record<QiLink['phase'], number>> = { opening: 1, open: 2, closed: 4 }

interface OpenRequest {
  cid: number
  id: number
  protocol: 'TCP' | 'UDP'
  host: string
  port: number
  localPort: number
  mode: 0 | 1
}

function readOpenRequest(cmd: AtCommand, ctx: CommandContext): OpenRequest | undefined {
  const { contexts, connections } = readTraits(ctx.profile).tcpip
  const cid = readInt(cmd, 0, 1, contexts)
  const id = readInt(cmd, 1, 0, connections - 1)
  const protocol = readString(cmd, 2)?.toUpperCase()
  const host = readString(cmd, 3)
  const port = readInt(cmd, 4, 0, 65535)
  const localPort = cmd.args.length > 5 ? readInt(cmd, 5, 0, 65535) : 0
  const mode = cmd.args.length > 6 ? readInt(cmd, 6, 0, 1) : 1
  if (cid === undefined || id === undefined || host === undefined || port === undefined || localPort === undefined) return undefined
  if ((protocol !== 'TCP' && protocol !== 'UDP') || mode === undefined || cmd.args.length > 7 || host === '') return undefined
  return { cid, id, protocol, host, port, localPort, mode: mode as 0 | 1 }
}

function openSocket(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+QIOPEN: (1-16),(0-11),"TCP/UDP","<IP_address>/<domain_name>",(0-65535),(0-65535),(0-2)')
  const request = cmd.form === 'write' ? readOpenRequest(cmd, ctx) : undefined
  if (request === undefined) return replyError()
  const { id } = request
  const result = (err: number): Reply => {
    ctx.state.qiLastError = err
    ctx.emitUrc(`+QIOPEN: ${id},${err}`)
    return replyOk()
  }
  if (ctx.state.qiLinks[id] !== undefined) return result(QI_ERR.socketIdUsed)
  if (!ctx.state.activePdp.has(request.cid) || !ctx.state.networkUp) return result(QI_ERR.pdpOpenFailed)
  const target = ctx.resolve(request.host, request.port)
  if (!target.ok) {
    ctx.note(`socket ${id}: ${target.note}`)
    return result(QI_ERR.dnsFailed)
  }
  const link: QiLink = {
    ...request,
    phase: 'opening',
    unread: Buffer.alloc(0),
    announced: false,
    receivedBytes: 0,
    readBytes: 0,
    sentBytes: 0,
  }
  ctx.state.qiLinks[id] = link
  if (request.protocol === 'UDP') {
    link.socket = openUdpLink(createQiLinkEvents(ctx, id, link))
    link.phase = 'open'
    return result(QI_ERR.ok)
  }
  void connectTcpLink(target.host, target.port, CONNECT_TIMEOUT_MS, createQiLinkEvents(ctx, id, link)).then(opened => {
    if (!isCurrentQiLink(ctx, id, link)) return opened.ok ? opened.socket.destroy() : undefined
    if (opened.ok) {
      link.socket = opened.socket
      link.phase = 'open'
    } else {
      ctx.note(`socket ${id}: ${opened.reason}`)
      ctx.state.qiLinks[id] = undefined
    }
    ctx.state.qiLastError = opened.ok ? QI_ERR.ok : QI_ERR.connectFailed
    ctx.emitUrc(`+QIOPEN: ${id},${ctx.state.qiLastError}`)
  })
  return replyOk()
}

function closeSocket(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+QICLOSE: (0-11),(0-65535)')
  const id = readInt(cmd, 0, 0, ctx.state.qiLinks.length - 1)
  const timeoutOk = cmd.args.length < 2 || readInt(cmd, 1, 0, 65535) !== undefined
  if (cmd.form !== 'write' || id === undefined || !timeoutOk || cmd.args.length > 2) return replyError()
  ctx.state.qiLinks[id]?.socket?.destroy()
  ctx.state.qiLinks[id] = undefined
  return replyOk()
}

function describeLink(id: number, link: QiLink): string {
  const host = link.host
  return `+QISTATE: ${id},"${link.protocol}","${host}",${link.port},${link.localPort},${SOCKET_STATE[link.phase]},${link.cid},0,${link.mode},"uart1"`
}

/** `AT+QISTATE?` (every socket), `AT+QISTATE=1,<id>` (one socket), `AT+QISTATE=0,<cid>` (the sockets of a context). */
function showState(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const links = ctx.state.qiLinks.flatMap((link, id) => (link === undefined ? [] : [{ id, link }]))
  if (cmd.form === 'read' || cmd.form === 'exec') return replyOk(...links.map(({ id, link }) => describeLink(id, link)))
  const query = readInt(cmd, 0, 0, 1)
  const value = readInt(cmd, 1, 0, 65535)
  if (query === undefined || value === undefined || cmd.args.length !== 2) return replyError()
  const chosen = links.filter(({ id, link }) => (query === 1 ? id === value : link.cid === value))
  return replyOk(...chosen.map(({ id, link }) => describeLink(id, link)))
}

function showLastError(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec') return replyError()
  const err = ctx.state.qiLastError
  return replyOk(`+QIGETERROR: ${err},${QI_ERR_TEXT[err] ?? 'unknown error'}`)
}

export const QTCPIP_SOCKET_HANDLERS: HandlerTable = {
  '+QIOPEN': openSocket,
  '+QICLOSE': closeSocket,
  '+QISTATE': showState,
  '+QIGETERROR': showLastError,
}
