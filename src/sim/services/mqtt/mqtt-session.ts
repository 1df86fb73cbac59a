/**
 * AT+CMQTTCONNECT / AT+CMQTTDISC and what a live session prints: `OK` first, then `+CMQTTCONNECT: <idx>,<err>`,
 * incoming messages as +CMQTTRXSTART..+CMQTTRXEND, and +CMQTTCONNLOST when the link goes away.
 */
import { hasArgCount, readInt, readOptionalInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { selectSslContext, type MqttClientSlot, type MqttSession } from './mqtt-state.js'
import { MQTT_ERR } from '../../../modem/families/simcom/mqtt-codes.js'
import { MqttLink, type MqttSessionOptions } from './mqtt-link.js'
import type { Socket } from 'node:net'
import { openSocket, type SocketResult } from '../../sockets/socket-open.js'
import { buildTlsSettings } from '../../sockets/tls-settings.js'
import { replyError, replyLater, replyOk, type Reply } from '../../reply.js'
import { describeClientRange, findAcquiredClient, replyRejected } from './mqtt-common.js'
import { encodeRxMessage } from './rx-message.js'

const SERVER_ADDRESS = /^tcp:\/\/(\[[^\]]+\]|[^:/\s]+)(?::(\d{1,5}))?\/?$/i

/** Failures a module that waits for the TCP connection reports in AT+CMQTTCONNECT's own answer. */
const INLINE_FAILURES: ReadonlySet<number> = new Set([MQTT_ERR.dnsError, MQTT_ERR.socketCreateFailed, MQTT_ERR.socketConnectFailed])

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
  const address = parseServerAddress(session.serverAddr, ctx.profile.behaviour.mqttDefaultPort)
  if (address === undefined) return replyRejected(cmd.name, idx, MQTT_ERR.invalidParameter)
  slot.session = session
  const attempt: ConnectAttempt = { ctx, idx, slot, session }
  const transport = openTransport(attempt, address.host, address.port)
  if (!ctx.profile.behaviour.mqttConnectFailsInline) {
    void transport.then(opened => (opened.ok ? completeSession(attempt, opened.socket) : failConnect(attempt, opened.code, opened.note)))
    return replyOk()
  }
  return replyLater(
    transport.then(opened => {
      if (opened.ok) void completeSession(attempt, opened.socket)
      else if (INLINE_FAILURES.has(opened.code) && !isCancelled(attempt)) {
        endFailedAttempt(attempt, opened.code, opened.note)
        return replyRejected(cmd.name, idx, opened.code)
      } else failConnect(attempt, opened.code, opened.note)
      return replyOk()
    }),
  )
}

/** `tcp://host[:port]`; without a port the profile's default applies, or the address is invalid. */
function parseServerAddress(serverAddr: string, defaultPort: number | undefined): { host: string; port: number } | undefined {
  const match = SERVER_ADDRESS.exec(serverAddr)
  const port = match?.[2] !== undefined ? Number(match[2]) : defaultPort
  if (match === null || port === undefined) return undefined
  return { host: unbracket(match[1] ?? ''), port }
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

/** One AT+CMQTTCONNECT on its way: cancelled when the session is replaced or the modem rebooted. */
interface ConnectAttempt {
  ctx: CommandContext
  idx: number
  slot: MqttClientSlot
  session: MqttSession
}

function isCancelled(a: ConnectAttempt): boolean {
  return a.slot.session !== a.session || !a.ctx.isCurrent()
}

/** Ends a failed attempt: the session goes, and so does the client's SSL binding (A76XX manual 18.2.2). */
function endFailedAttempt(a: ConnectAttempt, code: number, note: string): void {
  a.slot.session = undefined
  a.ctx.state.clientSslContexts[a.idx] = undefined
  a.ctx.note(`client ${a.idx}: connect to ${a.session.serverAddr} failed with ${code}: ${note}`)
}

/** A failure reported after OK, as `+CMQTTCONNECT: <idx>,<err>`. */
function failConnect(a: ConnectAttempt, code: number, note: string): void {
  if (isCancelled(a)) return
  endFailedAttempt(a, code, note)
  a.ctx.emitUrc(`+CMQTTCONNECT: ${a.idx},${code}`)
}

/** The TCP (and TLS) connection of AT+CMQTTCONNECT; a socket opened for a cancelled attempt is closed. */
async function openTransport(a: ConnectAttempt, host: string, port: number): Promise<SocketResult> {
  const { ctx, idx, slot } = a
  const target = ctx.resolve(host, port)
  if (!target.ok) return { ok: false, code: MQTT_ERR.dnsError, note: target.note }
  const sslContext = ctx.state.ssl[selectSslContext(ctx.state, idx)]
  const tls = slot.serverType === 1 && sslContext !== undefined ? buildTlsSettings(sslContext, ctx.files, host) : undefined
  if (tls !== undefined && !tls.ok) return tls
  const socketTimeoutMs = tls?.ok ? tls.settings.handshakeTimeoutMs : slot.opTimeoutS * 1000
  const opened = await openSocket(target.host, target.port, tls?.ok ? tls.settings : undefined, socketTimeoutMs)
  if (opened.ok && isCancelled(a)) opened.socket.destroy()
  return opened
}

/** MQTT CONNECT over the open socket; ends with exactly one +CMQTTCONNECT URC (unless cancelled). */
async function completeSession(a: ConnectAttempt, socket: Socket): Promise<void> {
  const { ctx, idx, slot, session } = a
  if (isCancelled(a)) return void socket.destroy()
  const listener = createLinkListener(ctx, idx, slot, session)
  const linked = await MqttLink.open(socket, describeSessionOptions(slot, session), slot.opTimeoutS * 1000, listener)
  if (!linked.ok) return failConnect(a, linked.code, linked.note)
  if (isCancelled(a)) return linked.link.destroy()
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
      if (slot.session === session && ctx.isCurrent()) {
        const { limits, behaviour } = ctx.profile
        ctx.emitBytes(encodeRxMessage(idx, topic, payload, limits.rxChunkBytes, behaviour.rxDataCrlf))
      }
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
    ctx.state.clientSslContexts[idx] = undefined
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
