/**
 * AT+CMQTTCONNECT / AT+CMQTTDISC and what a live session prints: `OK` first, then `+CMQTTCONNECT: <idx>,<err>`,
 * incoming messages as +CMQTTRXSTART..+CMQTTRXEND, and +CMQTTCONNLOST when the link goes away.
 */
import { hasArgCount, readInt, readOptionalInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import type { MqttClientSlot, MqttSession } from './mqtt-state.js'
import { MQTT_ERR } from '../../../modem/families/simcom/mqtt-codes.js'
import { MqttLink, type MqttSessionOptions } from './mqtt-link.js'
import { openSocket } from '../../sockets/socket-open.js'
import { buildTlsSettings } from '../../sockets/tls-settings.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { describeClientRange, findAcquiredClient, replyRejected } from './mqtt-common.js'
import { encodeRxMessage } from './rx-message.js'

const SERVER_ADDRESS = /^tcp:\/\/(\[[^\]]+\]|[^:/\s]+):(\d{1,5})\/?$/i

function connectClient(cmd: AtCommand, ctx: CommandContext): Reply {
  const { limits } = ctx.profile
  if (cmd.form === 'test')
    return replyOk(
      `+CMQTTCONNECT: ${describeClientRange(ctx)},(${limits.serverAddrChars.min}-${limits.serverAddrChars.max}),(${limits.keepaliveS.min}-${limits.keepaliveS.max}),(0-1)`,
    )
  if (cmd.form === 'read') return replyOk(...ctx.state.clients.map((slot, idx) => describeConnection(idx, slot)))
  const session = readSessionRequest(cmd, ctx)
  if (session === undefined) return replyError()
  const found = findAcquiredClient(cmd, ctx)
  if (!found.ok) return found.reply
  const { idx, slot } = found
  if (!ctx.state.mqttStarted) return replyRejected(cmd.name, idx, MQTT_ERR.networkNotOpened)
  if (slot.session !== undefined) return replyRejected(cmd.name, idx, MQTT_ERR.clientBusy)
  const address = SERVER_ADDRESS.exec(session.serverAddr)
  if (!address) return replyRejected(cmd.name, idx, MQTT_ERR.invalidParameter)
  slot.session = session
  void runConnect(ctx, idx, slot, session, unbracket(address[1] ?? ''), Number(address[2]))
  return replyOk()
}

function readSessionRequest(cmd: AtCommand, ctx: CommandContext): MqttSession | undefined {
  const { limits } = ctx.profile
  const serverAddr = readString(cmd, 1)
  const keepaliveS = readInt(cmd, 2, limits.keepaliveS.min, limits.keepaliveS.max)
  const clean = readOptionalInt(cmd, 3, 0, 1, 0)
  const user = cmd.args.length > 4 ? readString(cmd, 4) : undefined
  const password = cmd.args.length > 5 ? readString(cmd, 5) : undefined
  if (serverAddr === undefined || keepaliveS === undefined || clean === undefined || !hasArgCount(cmd, 3, 6)) return undefined
  if (serverAddr.length < limits.serverAddrChars.min || serverAddr.length > limits.serverAddrChars.max) return undefined
  if ((cmd.args.length > 4 && user === undefined) || (cmd.args.length > 5 && password === undefined)) return undefined
  return {
    phase: 'connecting',
    serverAddr,
    keepaliveS,
    clean: clean as 0 | 1,
    ...(user !== undefined ? { user } : {}),
    ...(password !== undefined ? { password } : {}),
  }
}

function describeConnection(idx: number, slot: MqttClientSlot | undefined): string {
  const s = slot?.session
  if (s === undefined || s.phase !== 'connected') return `+CMQTTCONNECT: ${idx}`
  const credentials = (s.user !== undefined ? `,"${s.user}"` : '') + (s.password !== undefined ? `,"${s.password}"` : '')
  return `+CMQTTCONNECT: ${idx},"${s.serverAddr}",${s.keepaliveS},${s.clean}${credentials}`
}

/** The network side of AT+CMQTTCONNECT; every way it ends prints exactly one +CMQTTCONNECT URC (unless cancelled). */
async function runConnect(
  ctx: CommandContext,
  idx: number,
  slot: MqttClientSlot,
  session: MqttSession,
  host: string,
  port: number,
): Promise<void> {
  const isCancelled = (): boolean => slot.session !== session || !ctx.isCurrent()
  const fail = (code: number, note: string): void => {
    if (isCancelled()) return
    slot.session = undefined
    ctx.note(`client ${idx}: connect to ${session.serverAddr} failed with ${code}: ${note}`)
    ctx.emitUrc(`+CMQTTCONNECT: ${idx},${code}`)
  }
  const target = ctx.resolve(host, port)
  if (!target.ok) return fail(MQTT_ERR.dnsError, target.note)
  const sslContext = ctx.state.ssl[ctx.state.clientSslContexts[idx] ?? 0]
  const tls = slot.serverType === 1 && sslContext !== undefined ? buildTlsSettings(sslContext, ctx.files, host) : undefined
  if (tls !== undefined && !tls.ok) return fail(tls.code, tls.note)
  const socketTimeoutMs = tls?.ok ? tls.settings.handshakeTimeoutMs : slot.opTimeoutS * 1000
  const opened = await openSocket(target.host, target.port, tls?.ok ? tls.settings : undefined, socketTimeoutMs)
  if (!opened.ok) return fail(opened.code, opened.note)
  if (isCancelled()) return void opened.socket.destroy()
  const listener = createLinkListener(ctx, idx, slot, session)
  const linked = await MqttLink.open(opened.socket, describeSessionOptions(slot, session), slot.opTimeoutS * 1000, listener)
  if (!linked.ok) return fail(linked.code, linked.note)
  if (isCancelled()) return linked.link.destroy()
  session.link = linked.link
  session.phase = 'connected'
  ctx.emitUrc(`+CMQTTCONNECT: ${idx},${MQTT_ERR.ok}`)
}

function createLinkListener(
  ctx: CommandContext,
  idx: number,
  slot: MqttClientSlot,
  session: MqttSession,
): Parameters<typeof MqttLink.open>[3] {
  return {
    message: (topic, payload) => {
      if (slot.session === session && ctx.isCurrent()) ctx.emitBytes(encodeRxMessage(idx, topic, payload, ctx.profile.limits.rxChunkBytes))
    },
    lost: cause => {
      if (slot.session !== session || !ctx.isCurrent()) return
      slot.session = undefined
      ctx.emitUrc(`+CMQTTCONNLOST: ${idx},${cause}`)
    },
  }
}

function describeSessionOptions(slot: MqttClientSlot, session: MqttSession): MqttSessionOptions {
  const will =
    slot.willTopic && slot.willMessage
      ? { topic: slot.willTopic.toString('utf8'), payload: slot.willMessage, qos: slot.willQos }
      : undefined
  return {
    clientId: slot.clientId,
    mqttVersion: slot.mqttVersion,
    keepaliveS: session.keepaliveS,
    clean: session.clean === 1,
    ...(session.user !== undefined ? { user: session.user } : {}),
    ...(session.password !== undefined ? { password: session.password } : {}),
    ...(will ? { will } : {}),
  }
}

function disconnectClient(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk(`+CMQTTDISC: ${describeClientRange(ctx)},(0-180)`)
  if (cmd.form === 'read')
    return replyOk(...ctx.state.clients.map((slot, idx) => `+CMQTTDISC: ${idx},${slot?.session?.phase === 'connected' ? 0 : 1}`))
  const timeoutS = readInt(cmd, 1, 0, 180)
  if (timeoutS === undefined || !hasArgCount(cmd, 2, 2)) return replyError()
  const found = findAcquiredClient(cmd, ctx)
  if (!found.ok) return found.reply
  const { idx, slot } = found
  const session = slot.session
  if (session?.link === undefined || session.phase !== 'connected') return replyRejected(cmd.name, idx, MQTT_ERR.noConnection)
  session.phase = 'disconnecting'
  void session.link.disconnect(Math.max(timeoutS, 1) * 1000).then(code => {
    if (slot.session !== session || !ctx.isCurrent()) return
    slot.session = undefined
    ctx.emitUrc(`+CMQTTDISC: ${idx},${code === MQTT_ERR.ok ? code : MQTT_ERR.disconnectFailed}`)
  })
  return replyOk()
}

/** Ends every session without DISCONNECT (lost network, reboot, host gone); with `urcCause`, prints +CMQTTCONNLOST for each. */
export function dropAllSessions(ctx: CommandContext, urcCause?: number): void {
  ctx.state.clients.forEach((slot, idx) => {
    const session = slot?.session
    if (slot === undefined || session === undefined) return
    slot.session = undefined
    session.link?.destroy()
    if (urcCause !== undefined && session.phase !== 'connecting') ctx.emitUrc(`+CMQTTCONNLOST: ${idx},${urcCause}`)
    else if (urcCause !== undefined) ctx.emitUrc(`+CMQTTCONNECT: ${idx},${MQTT_ERR.socketConnectFailed}`)
  })
}

function unbracket(host: string): string {
  return host.startsWith('[') ? host.slice(1, -1) : host
}

export const MQTT_SESSION_HANDLERS: HandlerTable = {
  '+CMQTTCONNECT': connectClient,
  '+CMQTTDISC': disconnectClient,
}
