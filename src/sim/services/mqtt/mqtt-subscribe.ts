/**
 * Subscriptions: AT+CMQTTSUBTOPIC / AT+CMQTTUNSUBTOPIC queue topics (prompt input, up to 10);
 * AT+CMQTTSUB / AT+CMQTTUNSUB send them all (`=<idx>`), or one topic given at a prompt (`=<idx>,<len>,...`).
 */
import { hasArgCount, readInt, readOptionalInt, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import type { MqttClientSlot, QoS, QueuedTopic } from './mqtt-state.js'
import { MQTT_ERR } from '../../../modem/families/simcom/mqtt-codes.js'
import type { MqttLink } from './mqtt-link.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import {
  describeClientRange,
  findAcquiredClient,
  promptForTopic,
  readLength,
  readLengthRequest,
  replyRejected,
  type ClientLookup,
} from './mqtt-common.js'

/** Subscription requests are answered within the client's operation timeout. */
function operationTimeoutMs(slot: MqttClientSlot): number {
  return slot.opTimeoutS * 1000
}

function connectedLink(slot: MqttClientSlot): MqttLink | undefined {
  return slot.session?.phase === 'connected' ? slot.session.link : undefined
}

function queueSubscribeTopic(cmd: AtCommand, ctx: CommandContext): Reply {
  const limits = ctx.profile.limits.topicBytes
  if (cmd.form === 'test') return replyOk(`+CMQTTSUBTOPIC: ${describeClientRange(ctx)},(${limits.min}-${limits.max}),(0-2)`)
  const request = readLengthRequest(cmd, ctx, limits, 3, slot => slot.subTopics.length >= ctx.profile.limits.queuedTopics)
  if (!request.ok) return request.reply
  const qos = readInt(cmd, 2, 0, 2) as QoS
  return promptForTopic(cmd.name, request.idx, request.slot, request.length, topic => {
    request.slot.subTopics.push({ topic, qos: qos })
    return replyOk()
  })
}

function queueUnsubscribeTopic(cmd: AtCommand, ctx: CommandContext): Reply {
  const limits = ctx.profile.limits.topicBytes
  if (cmd.form === 'test') return replyOk(`+CMQTTUNSUBTOPIC: ${describeClientRange(ctx)},(${limits.min}-${limits.max})`)
  const request = readLengthRequest(cmd, ctx, limits, 2, slot => slot.unsubTopics.length >= ctx.profile.limits.queuedTopics)
  if (!request.ok) return request.reply
  return promptForTopic(cmd.name, request.idx, request.slot, request.length, topic => {
    request.slot.unsubTopics.push(topic)
    return replyOk()
  })
}

function subscribe(cmd: AtCommand, ctx: CommandContext): Reply {
  const limits = ctx.profile.limits.topicBytes
  if (cmd.form === 'test') return replyOk(`+CMQTTSUB: ${describeClientRange(ctx)},(${limits.min}-${limits.max}),(0-2),(0-1)`)
  if (cmd.form === 'read') return replyOk(...listSubscribeQueue(ctx))
  // `=<idx>` and `=<idx>,<dup>` send the queue; `=<idx>,<len>,<qos>[,<dup>]` takes one topic at a prompt.
  if (cmd.args.length <= 2) return readOptionalInt(cmd, 1, 0, 1, 0) === undefined ? replyError() : sendQueued(cmd, ctx, 'sub')
  const length = readLength(cmd, 1, limits)
  const qos = readInt(cmd, 2, 0, 2)
  const dup = readOptionalInt(cmd, 3, 0, 1, 0)
  if (length === undefined || qos === undefined || dup === undefined || !hasArgCount(cmd, 3, 4)) return replyError()
  return promptOneTopic(cmd, ctx, length, topic => ({ kind: 'sub', topics: [{ topic, qos: qos as QoS }] }))
}

function unsubscribe(cmd: AtCommand, ctx: CommandContext): Reply {
  const limits = ctx.profile.limits.topicBytes
  if (cmd.form === 'test') return replyOk(`+CMQTTUNSUB: ${describeClientRange(ctx)},(${limits.min}-${limits.max}),(0-1)`)
  // `=<idx>` and `=<idx>,<dup>` send the queue; `=<idx>,<len>,<dup>` takes one topic at a prompt.
  if (cmd.args.length <= 2) return readOptionalInt(cmd, 1, 0, 1, 0) === undefined ? replyError() : sendQueued(cmd, ctx, 'unsub')
  const length = readLength(cmd, 1, limits)
  const dup = readInt(cmd, 2, 0, 1)
  if (length === undefined || dup === undefined || !hasArgCount(cmd, 3, 3)) return replyError()
  return promptOneTopic(cmd, ctx, length, topic => ({ kind: 'unsub', topics: [topic] }))
}

/** `AT+CMQTTSUB?`: `+CMQTTSUB: <topic>` for each topic queued by AT+CMQTTSUBTOPIC (the manual's "[<topic>]"). */
function listSubscribeQueue(ctx: CommandContext): string[] {
  return ctx.state.clients.flatMap(slot => slot?.subTopics.map(queued => `+CMQTTSUB: ${queued.topic.toString('utf8')}`) ?? [])
}

type Request = { kind: 'sub'; topics: QueuedTopic[] } | { kind: 'unsub'; topics: Buffer[] }

function checkConnected(cmd: AtCommand, ctx: CommandContext): ClientLookup & { link?: MqttLink } {
  const found = findAcquiredClient(cmd, ctx)
  if (!found.ok) return found
  const link = connectedLink(found.slot)
  return link === undefined ? { ok: false, reply: replyRejected(cmd.name, found.idx, MQTT_ERR.noConnection) } : { ...found, link }
}

function promptOneTopic(cmd: AtCommand, ctx: CommandContext, length: number | 'out-of-range', request: (topic: Buffer) => Request): Reply {
  const found = checkConnected(cmd, ctx)
  if (!found.ok) return found.reply
  if (length === 'out-of-range') return replyRejected(cmd.name, found.idx, MQTT_ERR.lengthOutOfRange)
  return promptForTopic(cmd.name, found.idx, found.slot, length, topic => sendRequest(ctx, cmd.name, found.idx, found.slot, request(topic)))
}

function sendQueued(cmd: AtCommand, ctx: CommandContext, kind: 'sub' | 'unsub'): Reply {
  const found = checkConnected(cmd, ctx)
  if (!found.ok) return found.reply
  const { slot } = found
  const request: Request = kind === 'sub' ? { kind, topics: slot.subTopics } : { kind, topics: slot.unsubTopics }
  if (request.topics.length === 0) return replyRejected(cmd.name, found.idx, MQTT_ERR.topicEmpty)
  if (kind === 'sub') slot.subTopics = []
  else slot.unsubTopics = []
  return sendRequest(ctx, cmd.name, found.idx, slot, request)
}

/** Answers OK now and `+CMQTTSUB: <idx>,<err>` / `+CMQTTUNSUB: <idx>,<err>` when the broker acknowledged. */
function sendRequest(ctx: CommandContext, name: string, idx: number, slot: MqttClientSlot, request: Request): Reply {
  const link = connectedLink(slot)
  if (link === undefined) return replyRejected(name, idx, MQTT_ERR.noConnection)
  const sent =
    request.kind === 'sub'
      ? link.subscribe(request.topics, operationTimeoutMs(slot))
      : link.unsubscribe(request.topics, operationTimeoutMs(slot))
  void sent.then(code => {
    if (ctx.isCurrent()) ctx.emitUrc(`${name}: ${idx},${code}`)
  })
  return replyOk()
}

export const MQTT_SUBSCRIBE_HANDLERS: HandlerTable = {
  '+CMQTTSUBTOPIC': queueSubscribeTopic,
  '+CMQTTUNSUBTOPIC': queueUnsubscribeTopic,
  '+CMQTTSUB': subscribe,
  '+CMQTTUNSUB': unsubscribe,
}
