/** Client slots and their settings: AT+CMQTTACCQ, AT+CMQTTREL, AT+CMQTTSSLCFG, AT+CMQTTCFG, AT+CMQTTWILLTOPIC, AT+CMQTTWILLMSG. */
import { hasArgCount, readInt, readOptionalInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { createClientSlot, DEFAULT_OP_TIMEOUT_S, selectSslContext, type MqttClientSlot, type QoS } from './mqtt-state.js'
import { MQTT_ERR } from '../../../modem/families/simcom/mqtt-codes.js'
import { replyError, replyOk, replyPrompt, type Reply } from '../../reply.js'
import { describeClientRange, findAcquiredClient, promptForTopic, readLengthRequest, replyRejected } from './mqtt-common.js'

function acquireClient(cmd: AtCommand, ctx: CommandContext): Reply {
  const { state, profile } = ctx
  const ids = profile.limits.clientIdBytes
  const versionParam = profile.behaviour.mqttAccqVersion
  if (cmd.form === 'test')
    return replyOk(`+CMQTTACCQ: ${describeClientRange(ctx)},(${ids.min}-${ids.max}),(0-1)${versionParam ? ',(3-4)' : ''}`)
  if (cmd.form === 'read')
    return replyOk(...state.clients.map((slot, idx) => `+CMQTTACCQ: ${idx},"${slot?.clientId ?? ''}",${slot?.serverType ?? 0}`))
  const idx = readInt(cmd, 0, 0, 255)
  const clientId = readString(cmd, 1)
  const serverType = readOptionalInt(cmd, 2, 0, 1, 0)
  const version = readOptionalInt(cmd, 3, 3, 4, profile.defaults.mqttVersion)
  if (
    cmd.form !== 'write' ||
    idx === undefined ||
    clientId === undefined ||
    serverType === undefined ||
    version === undefined ||
    !hasArgCount(cmd, 2, versionParam ? 4 : 3)
  )
    return replyError()
  if (idx >= state.clients.length) return replyRejected(cmd.name, idx, MQTT_ERR.clientIndexError)
  const idBytes = Buffer.byteLength(clientId)
  if (idBytes < ids.min || idBytes > ids.max) return replyRejected(cmd.name, idx, MQTT_ERR.lengthOutOfRange)
  if (!state.mqttStarted) return replyRejected(cmd.name, idx, MQTT_ERR.networkNotOpened)
  if (state.clients[idx] !== undefined) return replyRejected(cmd.name, idx, MQTT_ERR.clientUsed)
  state.clients[idx] = createClientSlot(clientId, serverType as 0 | 1, version as 3 | 4)
  return replyOk()
}

function releaseClient(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk(`+CMQTTREL: ${describeClientRange(ctx)}`)
  if (cmd.form === 'read') return replyOk()
  if (!hasArgCount(cmd, 1, 1)) return replyError()
  const found = findAcquiredClient(cmd, ctx)
  if (!found.ok) return found.reply
  if (found.slot.session !== undefined) return replyRejected(cmd.name, found.idx, MQTT_ERR.clientBusy)
  ctx.state.clients[found.idx] = undefined
  return replyOk()
}

function bindSslContext(cmd: AtCommand, ctx: CommandContext): Reply {
  const { state } = ctx
  const maxCtx = state.ssl.length - 1
  const clients = state.clients.map((_, idx) => idx)
  if (cmd.form === 'test') return replyOk(`+CMQTTSSLCFG: (${clients.join(',')}),(0-${maxCtx})`)
  if (cmd.form === 'read') return replyOk(...clients.map(idx => `+CMQTTSSLCFG: ${idx},${selectSslContext(state, idx)}`))
  const idx = readInt(cmd, 0, 0, state.clients.length - 1)
  const sslCtx = readInt(cmd, 1, 0, maxCtx)
  if (cmd.form !== 'write' || idx === undefined || sslCtx === undefined || !hasArgCount(cmd, 2, 2)) return replyError()
  state.clientSslContexts[idx] = sslCtx
  return replyOk()
}

const CFG_RANGES: ReadonlyMap<string, { min: number; max: number }> = new Map([
  ['checkutf8', { min: 0, max: 1 }],
  ['optimeout', { min: 20, max: 120 }],
  ['version', { min: 3, max: 4 }],
])

function configureClient(cmd: AtCommand, ctx: CommandContext): Reply {
  const range = describeClientRange(ctx)
  if (cmd.form === 'test')
    return replyOk(
      `+CMQTTCFG: "checkUTF8",${range},(0-1)`,
      `+CMQTTCFG: "optimeout",${range},(20-120)`,
      `+CMQTTCFG: "aliauth",${range},"productkey","devicename","devicesecret"`,
      `+CMQTTCFG: "version",${range},(3-4)`,
      `+CMQTTCFG: "argtopic",${range},(0-1)`,
    )
  if (cmd.form === 'read') return replyOk(...ctx.state.clients.map(describeClientConfig))
  const key = readString(cmd, 0)?.toLowerCase()
  if (key === 'aliauth') return storeAliAuth(cmd, ctx)
  const limits = key === undefined ? undefined : CFG_RANGES.get(key)
  const idx = readInt(cmd, 1, 0, ctx.state.clients.length - 1)
  const value = limits === undefined ? undefined : readInt(cmd, 2, limits.min, limits.max)
  const slot = idx === undefined ? undefined : ctx.state.clients[idx]
  // A76XX manual 18.2.17: a failed AT+CMQTTCFG is a plain ERROR, whatever the reason.
  if (cmd.form !== 'write' || value === undefined || slot === undefined || !hasArgCount(cmd, 3, 3)) return replyError()
  if (key === 'checkutf8') slot.checkUtf8 = value === 1
  else if (key === 'optimeout') slot.opTimeoutS = value
  else slot.mqttVersion = value as 3 | 4
  return replyOk()
}

/** `"aliauth",<idx>,"<productkey>","<devicename>","<devicesecret>"`: kept with the client, as the module does. */
function storeAliAuth(cmd: AtCommand, ctx: CommandContext): Reply {
  const idx = readInt(cmd, 1, 0, ctx.state.clients.length - 1)
  const slot = idx === undefined ? undefined : ctx.state.clients[idx]
  const fields = [2, 3, 4].map(index => readString(cmd, index))
  if (cmd.form !== 'write' || slot === undefined || !hasArgCount(cmd, 5, 5) || fields.some(field => field === undefined))
    return replyError()
  slot.aliAuth = fields as [string, string, string]
  return replyOk()
}

function describeClientConfig(slot: MqttClientSlot | undefined, idx: number): string {
  return `+CMQTTCFG: ${idx},${slot === undefined || slot.checkUtf8 ? 1 : 0},${slot?.opTimeoutS ?? DEFAULT_OP_TIMEOUT_S}`
}

function setWillTopic(cmd: AtCommand, ctx: CommandContext): Reply {
  const limits = ctx.profile.limits.topicBytes
  if (cmd.form === 'test') return replyOk(`+CMQTTWILLTOPIC: ${describeClientRange(ctx)},(${limits.min}-${limits.max})`)
  const request = readLengthRequest(cmd, ctx, limits, 2)
  if (!request.ok) return request.reply
  return promptForTopic(cmd.name, request.idx, request.slot, request.length, topic => {
    request.slot.willTopic = topic
    return replyOk()
  })
}

function setWillMessage(cmd: AtCommand, ctx: CommandContext): Reply {
  const limits = ctx.profile.limits.willMessageBytes
  if (cmd.form === 'test') return replyOk(`+CMQTTWILLMSG: ${describeClientRange(ctx)},(${limits.min}-${limits.max}),(0-2)`)
  const request = readLengthRequest(cmd, ctx, limits, 3)
  if (!request.ok) return request.reply
  const qos = readInt(cmd, 2, 0, 2) as QoS
  return replyPrompt(request.length, message => {
    request.slot.willMessage = message
    request.slot.willQos = qos
    return replyOk()
  })
}

export const MQTT_CLIENT_HANDLERS: HandlerTable = {
  '+CMQTTACCQ': acquireClient,
  '+CMQTTREL': releaseClient,
  '+CMQTTSSLCFG': bindSslContext,
  '+CMQTTCFG': configureClient,
  '+CMQTTWILLTOPIC': setWillTopic,
  '+CMQTTWILLMSG': setWillMessage,
}
