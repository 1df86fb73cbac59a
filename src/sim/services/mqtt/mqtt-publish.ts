/** Staging and sending a PUBLISH: AT+CMQTTTOPIC, AT+CMQTTPAYLOAD (prompt input) and AT+CMQTTPUB (OK, then +CMQTTPUB). */
import { hasArgCount, readInt, readOptionalInt, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import type { QoS } from './mqtt-state.js'
import { MQTT_ERR } from '../../../modem/families/simcom/mqtt-codes.js'
import { replyError, replyOk, replyPrompt, type Reply } from '../../reply.js'
import { describeClientRange, findAcquiredClient, promptForTopic, readLengthRequest, replyRejected } from './mqtt-common.js'

function stageTopic(cmd: AtCommand, ctx: CommandContext): Reply {
  const limits = ctx.profile.limits.topicBytes
  if (cmd.form === 'test') return replyOk(`+CMQTTTOPIC: ${describeClientRange(ctx)},(${limits.min}-${limits.max})`)
  const request = readLengthRequest(cmd, ctx, limits, 2)
  if (!request.ok) return request.reply
  return promptForTopic(cmd.name, request.idx, request.slot, request.length, topic => {
    request.slot.pubTopic = topic
    return replyOk()
  })
}

function stagePayload(cmd: AtCommand, ctx: CommandContext): Reply {
  const limits = ctx.profile.limits.payloadBytes
  if (cmd.form === 'test') return replyOk(`+CMQTTPAYLOAD: ${describeClientRange(ctx)},(${limits.min}-${limits.max})`)
  const request = readLengthRequest(cmd, ctx, limits, 2)
  if (!request.ok) return request.reply
  return replyPrompt(request.length, payload => {
    request.slot.pubPayload = payload
    return replyOk()
  })
}

function publishMessage(cmd: AtCommand, ctx: CommandContext): Reply {
  const limits = ctx.profile.limits.pubTimeoutS
  if (cmd.form === 'test') return replyOk(`+CMQTTPUB: ${describeClientRange(ctx)},(0-2),(${limits.min}-${limits.max}),(0-1),(0-1)`)
  const qos = readInt(cmd, 1, 0, 2)
  const timeoutS = readInt(cmd, 2, limits.min, limits.max)
  const retain = readOptionalInt(cmd, 3, 0, 1, 0)
  const dup = readOptionalInt(cmd, 4, 0, 1, 0)
  if (qos === undefined || timeoutS === undefined || retain === undefined || dup === undefined || !hasArgCount(cmd, 3, 5))
    return replyError()
  const found = findAcquiredClient(cmd, ctx)
  if (!found.ok) return found.reply
  const { idx, slot } = found
  const link = slot.session?.phase === 'connected' ? slot.session.link : undefined
  if (link === undefined) return replyRejected(cmd.name, idx, MQTT_ERR.noConnection)
  if (slot.pubTopic === undefined) return replyRejected(cmd.name, idx, MQTT_ERR.topicEmpty)
  const topic = slot.pubTopic
  const payload = slot.pubPayload ?? Buffer.alloc(0)
  // The staged topic and payload belong to this one PUBLISH; the next one stages its own.
  slot.pubTopic = undefined
  slot.pubPayload = undefined
  void link.publish(topic, payload, { qos: qos as QoS, retain: retain === 1, dup: dup === 1 }, timeoutS * 1000).then(code => {
    if (ctx.isCurrent()) ctx.emitUrc(`+CMQTTPUB: ${idx},${code}`)
  })
  return replyOk()
}

export const MQTT_PUBLISH_HANDLERS: HandlerTable = {
  '+CMQTTTOPIC': stageTopic,
  '+CMQTTPAYLOAD': stagePayload,
  '+CMQTTPUB': publishMessage,
}
