/**
 * AT+QMTSUB / AT+QMTUNS: `OK` at once, then `+QMTSUB: <idx>,<msgID>,<result>[,<granted QoS>...]` (128: the broker
 * refused the topic) or `+QMTUNS: <idx>,<msgID>,<result>` once the broker answered.
 */
import { readInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { readTraits } from '../../profiles/read-quectel-traits.js'
import { describePacketTimeoutMs, type QmtLink, type QoS } from './qmqtt-state.js'

interface Target {
  idx: number
  msgId: number
  link: QmtLink
}

/** Client and msgID (1..65535) of a connected client, and the number of parameters each topic takes. */
function readTarget(cmd: AtCommand, ctx: CommandContext, perTopic: number): Target | undefined {
  const idx = readInt(cmd, 0, 0, ctx.state.qmtLinks.length - 1)
  const msgId = readInt(cmd, 1, 1, 65535)
  const link = idx === undefined ? undefined : ctx.state.qmtLinks[idx]
  const topicArgs = cmd.args.length - 2
  const maxTopics = readTraits(ctx.profile).mqtt.topicsPerRequest
  if (cmd.form !== 'write' || idx === undefined || msgId === undefined || link?.phase !== 'connected') return undefined
  if (topicArgs < perTopic || topicArgs % perTopic !== 0 || topicArgs / perTopic > maxTopics) return undefined
  return { idx, msgId, link }
}

function readTopic(cmd: AtCommand, ctx: CommandContext, index: number): string | undefined {
  const topic = readString(cmd, index)
  return topic === undefined || topic === '' || Buffer.byteLength(topic) > ctx.profile.limits.topicBytes.max ? undefined : topic
}

function subscribe(cmd: AtCommand, ctx: CommandContext): Reply {
  const clients = ctx.state.qmtLinks.length
  if (cmd.form === 'test') return replyOk(`+QMTSUB: (0-${clients - 1}),(1-65535),"<topic>",(0-2)`)
  const target = readTarget(cmd, ctx, 2)
  if (target === undefined) return replyError()
  const topics: Array<{ topic: string; qos: QoS }> = []
  for (let at = 2; at < cmd.args.length; at += 2) {
    const topic = readTopic(cmd, ctx, at)
    const qos = readInt(cmd, at + 1, 0, 2)
    if (topic === undefined || qos === undefined) return replyError()
    topics.push({ topic, qos: qos as QoS })
  }
  const { idx, msgId, link } = target
  void link.session!.subscribe(topics, describePacketTimeoutMs(ctx.state.qmtConfigs[idx]!)).then(({ result, granted }) => {
    if (!ctx.isCurrent()) return
    ctx.emitUrc(`+QMTSUB: ${idx},${msgId},${result}${result === 0 ? granted.map(qos => `,${qos}`).join('') : ''}`)
  })
  return replyOk()
}

function unsubscribe(cmd: AtCommand, ctx: CommandContext): Reply {
  const clients = ctx.state.qmtLinks.length
  if (cmd.form === 'test') return replyOk(`+QMTUNS: (0-${clients - 1}),(1-65535),"<topic>"`)
  const target = readTarget(cmd, ctx, 1)
  if (target === undefined) return replyError()
  const topics = cmd.args.slice(2).map((_, at) => readTopic(cmd, ctx, at + 2))
  if (topics.some(topic => topic === undefined)) return replyError()
  const { idx, msgId, link } = target
  void link.session!.unsubscribe(topics as string[], describePacketTimeoutMs(ctx.state.qmtConfigs[idx]!)).then(result => {
    if (ctx.isCurrent()) ctx.emitUrc(`+QMTUNS: ${idx},${msgId},${result}`)
  })
  return replyOk()
}

export const QMQTT_SUBSCRIBE_HANDLERS: HandlerTable = {
  '+QMTSUB': subscribe,
  '+QMTUNS': unsubscribe,
}
