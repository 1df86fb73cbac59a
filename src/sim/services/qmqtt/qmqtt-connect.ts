/**
 * AT+QMTCONN / AT+QMTDISC: the MQTT session over an open link. AT+QMTCONN answers `OK`, then
 * `+QMTCONN: <idx>,<result>[,<ret_code>]` (the CONNACK return code once the broker answered);
 * AT+QMTDISC answers `OK`, then `+QMTDISC: <idx>,<result>`, and the link is closed with the session.
 */
import { readInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { endLink, isCurrentLink } from './qmqtt-open.js'
import { deliverMessage } from './qmqtt-receive.js'
import { QmtSession, type QmtConnectOptions, type QmtSessionListener } from './qmqtt-session.js'
import { describePacketTimeoutMs, type QmtLink } from './qmqtt-state.js'
import { QMTSTAT } from './qmqtt-codes.js'

/** `AT+QMTCONN?` states: 1 initializing (link open), 2 connecting, 3 connected, 4 disconnecting. */
const CONN_STATE: Readonly<Record<QmtLink['phase'], number | undefined>> = {
  opening: undefined,
  open: 1,
  connecting: 2,
  connected: 3,
  disconnecting: 4,
}

function connectClient(cmd: AtCommand, ctx: CommandContext): Reply {
  const links = ctx.state.qmtLinks
  if (cmd.form === 'test') return replyOk(`+QMTCONN: (0-${links.length - 1}),"<clientID>","<username>","<password>"`)
  if (cmd.form === 'read') return replyOk(...listStates(ctx))
  const idx = readInt(cmd, 0, 0, links.length - 1)
  const request = readConnectRequest(cmd, ctx)
  const link = idx === undefined ? undefined : links[idx]
  if (cmd.form !== 'write' || idx === undefined || request === undefined || link?.phase !== 'open') return replyError()
  link.unwatch?.()
  link.phase = 'connecting'
  void startSession(ctx, idx, link, request)
  return replyOk()
}

function listStates(ctx: CommandContext): string[] {
  return ctx.state.qmtLinks.flatMap((link, idx) => {
    const state = link === undefined ? undefined : CONN_STATE[link.phase]
    return state === undefined ? [] : [`+QMTCONN: ${idx},${state}`]
  })
}

function readConnectRequest(cmd: AtCommand, ctx: CommandContext): QmtConnectOptions | undefined {
  const idx = readInt(cmd, 0, 0, ctx.state.qmtConfigs.length - 1)
  const config = idx === undefined ? undefined : ctx.state.qmtConfigs[idx]
  const clientId = readString(cmd, 1)
  const user = cmd.args.length > 2 ? readString(cmd, 2) : undefined
  const password = cmd.args.length > 3 ? readString(cmd, 3) : undefined
  const ids = ctx.profile.limits.clientIdBytes
  if (config === undefined || clientId === undefined || cmd.args.length > 4) return undefined
  if (Buffer.byteLength(clientId) < ids.min || Buffer.byteLength(clientId) > ids.max) return undefined
  if ((cmd.args.length > 2 && user === undefined) || (cmd.args.length > 3 && password === undefined)) return undefined
  return {
    clientId,
    version: config.version,
    keepaliveS: config.keepaliveS,
    clean: config.clean,
    ...(user !== undefined ? { user } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(config.will !== undefined ? { will: config.will } : {}),
  }
}

async function startSession(ctx: CommandContext, idx: number, link: QmtLink, request: QmtConnectOptions): Promise<void> {
  const config = ctx.state.qmtConfigs[idx]!
  const listener: QmtSessionListener = {
    message: (topic, payload, msgId) => {
      if (isCurrentLink(ctx, idx, link)) deliverMessage(ctx, idx, link, { topic, payload, msgId })
    },
    ended: cause => endLink(ctx, idx, link, cause === 'ping' ? QMTSTAT.pingFailed : QMTSTAT.closedByPeer),
  }
  const result = await QmtSession.connect(link.socket!, request, describePacketTimeoutMs(config), listener)
  if (!isCurrentLink(ctx, idx, link)) {
    if (result.kind === 'accepted') result.session.destroy()
    return
  }
  if (result.kind === 'accepted') {
    link.session = result.session
    link.phase = 'connected'
    return ctx.emitUrc(`+QMTCONN: ${idx},0,0`)
  }
  if (result.kind === 'refused') {
    // MQTT 3.1.1 §3.2.2.3: after a refusing CONNACK the server closes the connection.
    ctx.emitUrc(`+QMTCONN: ${idx},0,${result.returnCode}`)
    return endLink(ctx, idx, link, QMTSTAT.closedByPeer)
  }
  ctx.emitUrc(`+QMTCONN: ${idx},2`)
  endLink(ctx, idx, link, result.kind === 'timeout' ? QMTSTAT.connackFailed : QMTSTAT.closedByPeer)
}

function disconnectClient(cmd: AtCommand, ctx: CommandContext): Reply {
  const links = ctx.state.qmtLinks
  if (cmd.form === 'test') return replyOk(`+QMTDISC: (0-${links.length - 1})`)
  const idx = readInt(cmd, 0, 0, links.length - 1)
  const link = idx === undefined ? undefined : links[idx]
  const session = link?.session
  if (cmd.form !== 'write' || idx === undefined || cmd.args.length !== 1 || link?.phase !== 'connected' || session === undefined)
    return replyError()
  link.phase = 'disconnecting'
  void session.disconnect(describePacketTimeoutMs(ctx.state.qmtConfigs[idx]!)).then(result => {
    if (!isCurrentLink(ctx, idx, link)) return
    ctx.state.qmtLinks[idx] = undefined
    link.socket?.destroy()
    ctx.emitUrc(`+QMTDISC: ${idx},${result === 0 ? 0 : -1}`)
  })
  return replyOk()
}

export const QMQTT_CONNECT_HANDLERS: HandlerTable = {
  '+QMTCONN': connectClient,
  '+QMTDISC': disconnectClient,
}
