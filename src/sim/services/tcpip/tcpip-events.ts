/**
 * What happens to links without a command: data arriving (pushed with `RECV FROM:`/`+IPD<len>` framing, or kept
 * with a `+CIPRXGET: 1,<link>` notice), the peer closing (`+IPCLOSE: <link>,1`), the network going away
 * (`+CIPEVENT: NETWORK CLOSED UNEXPECTEDLY`) and power-down (silently).
 */
import { IPCLOSE_REASON } from '../../../modem/families/simcom/tcpip-codes.js'
import type { CommandContext } from '../../command-context.js'
import type { LinkEvents } from './link-socket.js'
import type { TcpipLink } from './tcpip-state.js'

/** The events of the socket behind `link`; they act only while `link` still holds its slot in this power cycle. */
export function describeLinkEvents(ctx: CommandContext, linkNo: number, link: TcpipLink): LinkEvents {
  const isLive = (): boolean => ctx.isCurrent() && ctx.state.links[linkNo] === link && link.phase === 'open'
  return {
    onData: (bytes, from) => {
      if (isLive()) receiveData(ctx, linkNo, link, bytes, from)
    },
    onPeerClose: () => {
      if (!isLive()) return
      link.socket = undefined
      ctx.state.links[linkNo] = undefined
      if (link.online !== undefined) return ctx.endOnline(link.online, 'CLOSED')
      ctx.emitUrc(`+IPCLOSE: ${linkNo},${IPCLOSE_REASON.remote}`)
    },
  }
}

function receiveData(ctx: CommandContext, linkNo: number, link: TcpipLink, bytes: Buffer, from: string): void {
  if (link.online !== undefined) return ctx.emitOnlineBytes(link.online, bytes)
  if (ctx.state.receiveMode === 'buffer') {
    const wasEmpty = link.unread.length === 0
    link.unread = Buffer.concat([link.unread, bytes])
    if (wasEmpty) ctx.emitUrc(`+CIPRXGET: 1,${linkNo}`)
    return
  }
  const header: string[] = []
  if (ctx.state.showRemoteAddress) header.push(`RECV FROM:${describeSender(link, from)}`)
  if (ctx.state.showIpHeader) header.push(`+IPD${bytes.length}`)
  const head = header.length === 0 ? '' : `\r\n${header.join('\r\n')}\r\n`
  ctx.emitBytes(Buffer.concat([Buffer.from(head, 'latin1'), bytes]))
}

/**
 * The sender as the modem names it: a TCP link's remote as AT+CIPOPEN wrote it (the simulator's host mapping
 * stays invisible), a UDP datagram's real sender unless it came from the place the link last sent to.
 */
function describeSender(link: TcpipLink, from: string): string {
  if (link.protocol === 'TCP') return `${link.host}:${link.port}`
  const last = link.lastTarget
  return last !== undefined && last.resolved === from ? `${last.host}:${last.port}` : from
}

/** The network is gone: every real socket ends, links stay listed as broken until AT+CIPCLOSE; one event URC. */
export function loseTcpipNetwork(ctx: CommandContext): void {
  const { state } = ctx
  if (!state.netOpen) return
  for (const link of state.links) {
    if (link === undefined) continue
    link.socket?.destroy()
    link.socket = undefined
    link.phase = 'broken'
    if (link.online !== undefined) ctx.endOnline(link.online, 'CLOSED')
  }
  ctx.emitUrc('+CIPEVENT: NETWORK CLOSED UNEXPECTEDLY')
}

/** Power-down or reboot: sockets end without a word, as the module's do. */
export function closeAllLinks(ctx: CommandContext): void {
  ctx.state.links.forEach((link, linkNo) => {
    link?.socket?.destroy()
    ctx.state.links[linkNo] = undefined
  })
}
