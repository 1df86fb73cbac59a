/**
 * What happens to CCH sessions without a command: data arriving (pushed as `+CCHRECV: DATA,<id>,<len>` and the
 * bytes, or kept with one `+CCHEVENT: <id>,RECV EVENT`), the server closing (`+CCH_PEER_CLOSED: <id>`), the network
 * going away (`+CCH: CCH STOP`) and power-down (silently).
 */
import type { CommandContext } from '../../command-context.js'
import type { CchSocketEvents } from './cch-socket.js'
import type { CchSession } from './cch-state.js'

/** The most one `+CCHRECV: DATA` block or one AT+CCHRECV read carries. */
export const CCH_BLOCK_BYTES = 2048

/** The events of the connection behind `session`; they act only while it still holds its slot in this power cycle. */
export function describeSessionEvents(ctx: CommandContext, sessionId: number, session: CchSession): CchSocketEvents {
  const isLive = (): boolean => ctx.isCurrent() && ctx.state.cch.sessions[sessionId] === session && session.phase === 'open'
  return {
    onData: bytes => {
      if (isLive()) receiveData(ctx, sessionId, session, bytes)
    },
    onPeerClose: () => {
      if (!isLive()) return
      session.socket = undefined
      ctx.state.cch.sessions[sessionId] = undefined
      ctx.emitUrc(`+CCH_PEER_CLOSED: ${sessionId}`)
    },
  }
}

function receiveData(ctx: CommandContext, sessionId: number, session: CchSession, bytes: Buffer): void {
  if (ctx.state.cch.receiveMode === 'manual') {
    const wasEmpty = session.unread.length === 0
    session.unread = Buffer.concat([session.unread, bytes])
    if (wasEmpty) ctx.emitUrc(`+CCHEVENT: ${sessionId},RECV EVENT`)
    return
  }
  for (let at = 0; at < bytes.length; at += CCH_BLOCK_BYTES) {
    const block = bytes.subarray(at, at + CCH_BLOCK_BYTES)
    ctx.emitBytes(Buffer.concat([Buffer.from(`\r\n+CCHRECV: DATA,${sessionId},${block.length}\r\n`, 'latin1'), block]))
  }
}

/** The network is gone: every connection ends, the sessions are free and the service is stopped, with one URC. */
export function loseCchNetwork(ctx: CommandContext): void {
  const { cch } = ctx.state
  if (!cch.started) return
  closeAllSessions(ctx)
  cch.started = false
  ctx.emitUrc('+CCH: CCH STOP')
}

/** Power-down or reboot, or the service stopping: connections end without a word. */
export function closeAllSessions(ctx: CommandContext): void {
  ctx.state.cch.sessions.forEach((session, sessionId) => {
    session?.socket?.destroy()
    ctx.state.cch.sessions[sessionId] = undefined
  })
}
