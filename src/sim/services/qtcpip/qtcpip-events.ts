/**
 * What a socket prints on its own: data pushed as `+QIURC: "recv",<id>,<len>` and the bytes (direct push), or
 * announced once as `+QIURC: "recv",<id>` until AT+QIRD drains it (buffer mode); `+QIURC: "closed",<id>` when the
 * peer closes; `+QIURC: "pdpdeact",<cid>` when the network takes the PDP context away.
 */
import type { CommandContext } from '../../command-context.js'
import type { LinkEvents } from '../tcpip/link-socket.js'
import type { QiLink } from './qtcpip-state.js'

/** Whether `link` is still socket `id` in the running power cycle. */
export function isCurrentQiLink(ctx: CommandContext, id: number, link: QiLink): boolean {
  return ctx.isCurrent() && ctx.state.qiLinks[id] === link
}

/** The socket events of link `id`, printed as the module prints them. */
export function createQiLinkEvents(ctx: CommandContext, id: number, link: QiLink): LinkEvents {
  return {
    onData: bytes => {
      if (!isCurrentQiLink(ctx, id, link) || link.phase !== 'open') return
      link.receivedBytes += bytes.length
      if (link.mode === 1) return pushData(ctx, id, bytes)
      link.unread = Buffer.concat([link.unread, bytes])
      if (link.announced) return
      link.announced = true
      ctx.emitUrc(`+QIURC: "recv",${id}`)
    },
    onPeerClose: () => {
      if (!isCurrentQiLink(ctx, id, link) || link.phase !== 'open') return
      link.phase = 'closed'
      link.socket?.destroy()
      ctx.emitUrc(`+QIURC: "closed",${id}`)
    },
  }
}

/** A "TCP" or "UDP" client socket names no sender; only a "UDP SERVICE" socket would (not simulated). */
function pushData(ctx: CommandContext, id: number, bytes: Buffer): void {
  const head = Buffer.from(`\r\n+QIURC: "recv",${id},${bytes.length}\r\n`)
  ctx.emitBytes(Buffer.concat([head, bytes, Buffer.from('\r\n')]))
}

/** Closes every socket on PDP context `cid` silently (AT+QIDEACT). */
export function closeLinksOf(ctx: CommandContext, cid: number): void {
  ctx.state.qiLinks.forEach((link, id) => {
    if (link?.cid !== cid) return
    link.socket?.destroy()
    ctx.state.qiLinks[id] = undefined
  })
}

/** The network went away: each active context reports `+QIURC: "pdpdeact",<cid>`; its sockets stay as closed until AT+QICLOSE. */
export function loseQiNetwork(ctx: CommandContext): void {
  for (const cid of [...ctx.state.activePdp].sort((a, b) => a - b)) {
    ctx.state.qiLinks.forEach(link => {
      if (link?.cid !== cid) return
      link.socket?.destroy()
      link.phase = 'closed'
    })
    ctx.emitUrc(`+QIURC: "pdpdeact",${cid}`)
  }
}

/** Closes every socket silently (reboot, power-down). */
export function closeAllQiLinks(ctx: CommandContext): void {
  ctx.state.qiLinks.forEach((link, id) => {
    link?.socket?.destroy()
    ctx.state.qiLinks[id] = undefined
  })
}
