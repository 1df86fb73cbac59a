/**
 * AT+QMTOPEN / AT+QMTCLOSE: a client's network link to the broker, opened before AT+QMTCONN. Both answer `OK`
 * and report their outcome as `+QMTOPEN: <idx>,<result>` / `+QMTCLOSE: <idx>,<result>`; a link that ends any other
 * way prints `+QMTSTAT: <idx>,<err>`.
 */
import { readInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { openSocket } from '../../sockets/socket-open.js'
import { buildTlsSettings } from '../../sockets/tls-settings.js'
import { MQTT_ERR } from '../../../modem/families/simcom/mqtt-codes.js'
import { readTraits } from '../../profiles/read-quectel-traits.js'
import type { QmtLink } from './qmqtt-state.js'
import { QMTSTAT } from './qmqtt-codes.js'

/** `+QMTOPEN` results (MQTT application note): -1 failed to open network, 2 identifier occupied, 3 PDP, 4 DNS, 5 connection. */
const OPEN_RESULT = { failed: -1, ok: 0, occupied: 2, pdpFailed: 3, dnsFailed: 4, connectFailed: 5 } as const

/** How long the module waits for a TCP connection (ms); a TLS one waits its context's negotiate time. */
const TCP_OPEN_TIMEOUT_MS = 20_000

function openLink(cmd: AtCommand, ctx: CommandContext): Reply {
  const { state } = ctx
  const clients = state.qmtLinks.length
  if (cmd.form === 'test') return replyOk(`+QMTOPEN: (0-${clients - 1}),"<host_name>",(0-65535)`)
  if (cmd.form === 'read') return replyOk(...listOpenLinks(ctx))
  const idx = readInt(cmd, 0, 0, clients - 1)
  const host = readString(cmd, 1)
  const port = readInt(cmd, 2, 0, 65535)
  const hostBytes = readTraits(ctx.profile).mqtt.hostBytes
  if (cmd.form !== 'write' || idx === undefined || host === undefined || port === undefined || cmd.args.length !== 3) return replyError()
  if (host === '' || Buffer.byteLength(host) > hostBytes) return replyError()
  if (state.qmtLinks[idx] !== undefined) {
    ctx.emitUrc(`+QMTOPEN: ${idx},${OPEN_RESULT.occupied}`)
    return replyOk()
  }
  const link: QmtLink = { phase: 'opening', host, port, buffered: [] }
  state.qmtLinks[idx] = link
  void connectLink(ctx, idx, link).then(result => {
    if (!isCurrentLink(ctx, idx, link)) return
    if (result !== OPEN_RESULT.ok) state.qmtLinks[idx] = undefined
    ctx.emitUrc(`+QMTOPEN: ${idx},${result}`)
  })
  return replyOk()
}

function listOpenLinks(ctx: CommandContext): string[] {
  return ctx.state.qmtLinks.flatMap((link, idx) =>
    link === undefined || link.phase === 'opening' ? [] : [`+QMTOPEN: ${idx},"${link.host}",${link.port}`],
  )
}

/** Opens the TCP (or TLS) connection of a link and keeps watching it; resolves with the +QMTOPEN result. */
async function connectLink(ctx: CommandContext, idx: number, link: QmtLink): Promise<number> {
  const config = ctx.state.qmtConfigs[idx]!
  if (!ctx.state.networkUp) return OPEN_RESULT.pdpFailed
  const target = ctx.resolve(link.host, link.port)
  if (!target.ok) {
    ctx.note(`client ${idx}: ${target.note}`)
    return OPEN_RESULT.dnsFailed
  }
  const sslContext = config.ssl.enabled ? ctx.state.ssl[config.ssl.context] : undefined
  const tls = sslContext === undefined ? undefined : buildTlsSettings(sslContext, ctx.files, link.host)
  if (tls !== undefined && !tls.ok) {
    ctx.note(`client ${idx}: ${tls.note}`)
    return OPEN_RESULT.failed
  }
  const timeoutMs = tls?.ok ? tls.settings.handshakeTimeoutMs : TCP_OPEN_TIMEOUT_MS
  const opened = await openSocket(target.host, target.port, tls?.ok ? tls.settings : undefined, timeoutMs)
  if (!opened.ok) {
    ctx.note(`client ${idx}: open ${link.host}:${link.port} failed: ${opened.note}`)
    return opened.code === MQTT_ERR.socketConnectFailed ? OPEN_RESULT.connectFailed : OPEN_RESULT.failed
  }
  if (!isCurrentLink(ctx, idx, link)) {
    opened.socket.destroy()
    return OPEN_RESULT.failed
  }
  link.socket = opened.socket
  link.phase = 'open'
  watchOpenSocket(ctx, idx, link)
  return OPEN_RESULT.ok
}

/** Until AT+QMTCONN hands the socket to the MQTT session, the broker closing it ends the link (+QMTSTAT 1). */
function watchOpenSocket(ctx: CommandContext, idx: number, link: QmtLink): void {
  const socket = link.socket!
  const onClose = (): void => endLink(ctx, idx, link, QMTSTAT.closedByPeer)
  const onError = (): void => undefined
  socket.on('close', onClose).on('error', onError)
  link.unwatch = () => socket.off('close', onClose).off('error', onError)
}

function closeLink(cmd: AtCommand, ctx: CommandContext): Reply {
  const clients = ctx.state.qmtLinks.length
  if (cmd.form === 'test') return replyOk(`+QMTCLOSE: (0-${clients - 1})`)
  const idx = readInt(cmd, 0, 0, clients - 1)
  const link = idx === undefined ? undefined : ctx.state.qmtLinks[idx]
  if (cmd.form !== 'write' || idx === undefined || cmd.args.length !== 1 || link === undefined) return replyError()
  endLink(ctx, idx, link)
  ctx.emitUrc(`+QMTCLOSE: ${idx},0`)
  return replyOk()
}

/** Whether `link` is still client `idx`'s link in the running power cycle. */
export function isCurrentLink(ctx: CommandContext, idx: number, link: QmtLink): boolean {
  return ctx.isCurrent() && ctx.state.qmtLinks[idx] === link
}

/** Ends a link without DISCONNECT (the broker publishes the will); with `stat`, prints `+QMTSTAT: <idx>,<stat>`. */
export function endLink(ctx: CommandContext, idx: number, link: QmtLink, stat?: number): void {
  if (!isCurrentLink(ctx, idx, link)) return
  ctx.state.qmtLinks[idx] = undefined
  link.unwatch?.()
  link.session?.destroy()
  link.socket?.destroy()
  if (stat !== undefined) ctx.emitUrc(`+QMTSTAT: ${idx},${stat}`)
}

export const QMQTT_OPEN_HANDLERS: HandlerTable = {
  '+QMTOPEN': openLink,
  '+QMTCLOSE': closeLink,
}
