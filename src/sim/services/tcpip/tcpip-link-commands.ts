/** Links: AT+CIPOPEN (TCP client, UDP), AT+CIPSEND (fixed length, UDP with an address) and AT+CIPCLOSE. */
import { readInt, readOptionalInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import { IP_ERROR, TCPIP_ERR } from '../../../modem/families/simcom/tcpip-codes.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, replyPrompt, type Reply } from '../../reply.js'
import { replyIpError } from './ip-error.js'
import { connectTcpLink, openUdpLink } from './link-socket.js'
import { describeLinkEvents } from './tcpip-events.js'
import { TCPIP_LINKS, type TcpipLink } from './tcpip-state.js'
import { openTransparentLink, resumeOnline } from './tcpip-transparent.js'

const PORTS = { min: 0, max: 65535 }
const SEND_BYTES = { min: 1, max: 1500 }
/** AT+CIPTIMEOUT's default connect timeout (ms). */
const CONNECT_TIMEOUT_MS = 120_000

function listLinks(ctx: CommandContext): Reply {
  return replyOk(
    ...ctx.state.links.map((link, linkNo) =>
      link === undefined || link.phase === 'opening'
        ? `+CIPOPEN: ${linkNo}`
        : `+CIPOPEN: ${linkNo},"${link.protocol}","${link.host}",${link.port},-1`,
    ),
  )
}

function openLink(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk(`+CIPOPEN: (0-${TCPIP_LINKS - 1}),("TCP","UDP")`)
  if (cmd.form === 'read') return listLinks(ctx)
  const linkNo = readInt(cmd, 0, 0, TCPIP_LINKS - 1)
  if (cmd.form !== 'write' || linkNo === undefined) return replyError()
  const protocol = readString(cmd, 1)?.toUpperCase()
  const host = cmd.args[2]?.text ?? ''
  const port = readOptionalInt(cmd, 3, PORTS.min, PORTS.max, 0)
  const localPort = readOptionalInt(cmd, 4, PORTS.min, PORTS.max, 0)
  const rejected = (err: number): Reply => replyError(`+CIPOPEN: ${linkNo},${err}`)
  if (!ctx.state.netOpen) return rejected(TCPIP_ERR.networkNotOpened)
  if (ctx.state.links[linkNo] !== undefined) return replyIpError(IP_ERROR.connectionAlreadyCreated)
  if (port === undefined || localPort === undefined || cmd.args.length > 5) return rejected(TCPIP_ERR.wrongParameter)
  if (ctx.state.transparent) return openTransparentLink(ctx, linkNo, protocol, host, port)
  if (protocol === 'TCP' && host !== '' && port > 0) return openTcpLink(ctx, linkNo, host, port)
  // In command mode a UDP link is opened by its local port; a remote address alone is a wrong parameter.
  if (protocol === 'UDP' && localPort > 0) return openUdp(ctx, linkNo, host, port, localPort)
  return rejected(TCPIP_ERR.wrongParameter)
}

function openTcpLink(ctx: CommandContext, linkNo: number, host: string, port: number): Reply {
  const resolved = ctx.resolve(host, port)
  if (!resolved.ok) {
    ctx.note(resolved.note)
    ctx.emitUrc(`+CIPOPEN: ${linkNo},${TCPIP_ERR.dnsFailed}`)
    return replyOk()
  }
  const link: TcpipLink = { protocol: 'TCP', phase: 'opening', host, port, localPort: 0, unread: Buffer.alloc(0) }
  ctx.state.links[linkNo] = link
  void connectTcpLink(resolved.host, resolved.port, CONNECT_TIMEOUT_MS, describeLinkEvents(ctx, linkNo, link)).then(opened => {
    const isCurrent = ctx.isCurrent() && ctx.state.links[linkNo] === link && link.phase === 'opening'
    if (!opened.ok || !isCurrent) {
      if (opened.ok) opened.socket.destroy()
      if (!isCurrent) return
      ctx.state.links[linkNo] = undefined
      ctx.note(`AT+CIPOPEN=${linkNo} to ${host}:${port}: ${opened.ok ? '' : opened.reason}`)
      return ctx.emitUrc(`+CIPOPEN: ${linkNo},${TCPIP_ERR.networkFailure}`)
    }
    link.socket = opened.socket
    link.phase = 'open'
    ctx.emitUrc(`+CIPOPEN: ${linkNo},${TCPIP_ERR.ok}`)
  })
  return replyOk()
}

/** A UDP link is ready at once: the manual shows its `+CIPOPEN: <link>,0` before OK. */
function openUdp(ctx: CommandContext, linkNo: number, host: string, port: number, localPort: number): Reply {
  const link: TcpipLink = { protocol: 'UDP', phase: 'open', host, port, localPort, unread: Buffer.alloc(0) }
  ctx.state.links[linkNo] = link
  link.socket = openUdpLink(describeLinkEvents(ctx, linkNo, link))
  return replyOk(`+CIPOPEN: ${linkNo},${TCPIP_ERR.ok}`)
}

function sendData(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk(`+CIPSEND: (0-${TCPIP_LINKS - 1}),(${SEND_BYTES.min}-${SEND_BYTES.max})`)
  const linkNo = readInt(cmd, 0, 0, TCPIP_LINKS - 1)
  if (cmd.form !== 'write' || linkNo === undefined || cmd.args.length > 4) return replyError()
  const link = ctx.state.links[linkNo]
  if (!ctx.state.netOpen) return replyError(`+CIPERROR: ${TCPIP_ERR.networkNotOpened}`)
  // A transparent link's bytes go over the serial port in online data mode, never through AT+CIPSEND.
  if (link === undefined || link.phase !== 'open' || link.online !== undefined) return replyError(`+CIPERROR: ${TCPIP_ERR.notSupported}`)
  // Without a length the module reads until Ctrl+Z; the simulator's prompt reads by length only.
  const length = readInt(cmd, 1, SEND_BYTES.min, SEND_BYTES.max)
  if (length === undefined) return replyError()
  if (link.protocol === 'TCP') return replyPrompt(length, data => sendOnLink(ctx, linkNo, link, data))
  const host = readString(cmd, 2)
  const port = readInt(cmd, 3, 1, PORTS.max)
  if (host === undefined || port === undefined) return replyError(`+CIPERROR: ${TCPIP_ERR.wrongParameter}`)
  const resolved = ctx.resolve(host, port)
  if (!resolved.ok) {
    ctx.note(resolved.note)
    return replyError(`+CIPERROR: ${TCPIP_ERR.dnsFailed}`)
  }
  link.lastTarget = { host, port, resolved: `${resolved.host}:${resolved.port}` }
  return replyPrompt(length, data => sendOnLink(ctx, linkNo, link, data, { host: resolved.host, port: resolved.port }))
}

/**
 * `+CIPSEND: <link>,<req>,<cnf>` follows OK once the bytes are handed to the socket. It is printed before the real
 * write completes, so an echo never overtakes it (a module, too, confirms before the peer can answer).
 */
function sendOnLink(ctx: CommandContext, linkNo: number, link: TcpipLink, data: Buffer, to?: { host: string; port: number }): Reply {
  const socket = ctx.state.links[linkNo] === link && link.phase === 'open' ? link.socket : undefined
  ctx.emitUrc(`+CIPSEND: ${linkNo},${data.length},${socket === undefined ? -1 : data.length}`)
  if (socket !== undefined) void socket.send(data, to)
  return replyOk()
}

function closeLink(cmd: AtCommand, ctx: CommandContext): Reply {
  const { state } = ctx
  if (cmd.form === 'test') return replyOk(`+CIPCLOSE: (0-${TCPIP_LINKS - 1})`)
  if (cmd.form === 'read') return replyOk(`+CIPCLOSE: ${state.links.map(link => (link?.phase === 'open' ? 1 : 0)).join(',')}`)
  const linkNo = readInt(cmd, 0, 0, TCPIP_LINKS - 1)
  if (cmd.form !== 'write' || linkNo === undefined || cmd.args.length !== 1) return replyError()
  if (!state.netOpen) return replyIpError(IP_ERROR.networkNotOpened)
  const link = state.links[linkNo]
  if (link === undefined) return replyError(`+CIPCLOSE: ${linkNo},${TCPIP_ERR.notSupported}`)
  link.socket?.destroy()
  state.links[linkNo] = undefined
  // SIM7600 application note 9.1.2: a transparent link closed after `+++` prints CLOSED before +CIPCLOSE.
  if (link.online !== undefined) ctx.endOnline(link.online, 'CLOSED')
  ctx.emitUrc(`+CIPCLOSE: ${linkNo},${TCPIP_ERR.ok}`)
  return replyOk()
}

export const TCPIP_LINK_HANDLERS: HandlerTable = {
  '+CIPOPEN': openLink,
  '+CIPSEND': sendData,
  '+CIPCLOSE': closeLink,
  O: resumeOnline,
}
