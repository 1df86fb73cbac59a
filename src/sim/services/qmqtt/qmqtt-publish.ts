/**
 * AT+QMTPUB / AT+QMTPUBEX: the payload is typed at the `> ` prompt, ended by Ctrl-Z (Esc gives up), or exactly
 * `<length>` bytes where the command takes one. `OK` follows the payload; `+QMTPUB: <idx>,<msgID>,<result>` follows
 * once the broker acknowledged (QoS 1/2) or the packet is sent (QoS 0).
 */
import { readInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, replyPrompt, replyPromptUntilCtrlZ, type Reply } from '../../reply.js'
import { isCurrentLink } from './qmqtt-open.js'
import { readTraits } from '../../profiles/read-quectel-traits.js'
import { describePacketTimeoutMs, type QoS } from './qmqtt-state.js'

interface PublishRequest {
  idx: number
  msgId: number
  qos: QoS
  retain: boolean
  topic: string
  /** The fixed length read at the prompt; undefined: up to Ctrl-Z. */
  length?: number
}

/** `<idx>,<msgID>,<qos>,<retain>,"<topic>"[,<length>]`; msgID is 0 exactly when qos is 0 (MQTT application note). */
function readPublishRequest(cmd: AtCommand, ctx: CommandContext): PublishRequest | undefined {
  const idx = readInt(cmd, 0, 0, ctx.state.qmtLinks.length - 1)
  const msgId = readInt(cmd, 1, 0, 65535)
  const qos = readInt(cmd, 2, 0, 2)
  const retain = readInt(cmd, 3, 0, 1)
  const topic = readString(cmd, 4)
  const maxBytes = readTraits(ctx.profile).mqtt.payloadBytes
  const length = cmd.args.length > 5 ? readInt(cmd, 5, 1, maxBytes) : undefined
  if (idx === undefined || msgId === undefined || qos === undefined || retain === undefined || topic === undefined) return undefined
  if ((qos === 0) !== (msgId === 0) || topic === '' || Buffer.byteLength(topic) > ctx.profile.limits.topicBytes.max) return undefined
  if (cmd.args.length > 6 || (cmd.args.length > 5 && length === undefined)) return undefined
  return { idx, msgId, qos: qos as QoS, retain: retain === 1, topic, ...(length !== undefined ? { length } : {}) }
}

/** The handler of AT+QMTPUB or AT+QMTPUBEX; `lengthRequired`: the command always reads a fixed length. */
function createPublishHandler(name: '+QMTPUB' | '+QMTPUBEX', lengthRequired: boolean) {
  return (cmd: AtCommand, ctx: CommandContext): Reply => {
    const clients = ctx.state.qmtLinks.length
    if (cmd.form === 'test')
      return replyOk(`${name}: (0-${clients - 1}),(0-65535),(0-2),(0,1),"<topic>",(1-${readTraits(ctx.profile).mqtt.payloadBytes})`)
    const request = cmd.form === 'write' ? readPublishRequest(cmd, ctx) : undefined
    const link = request === undefined ? undefined : ctx.state.qmtLinks[request.idx]
    if (request === undefined || link?.phase !== 'connected' || (lengthRequired && request.length === undefined)) return replyError()
    const send = (payload: Buffer): Reply => {
      const session = link.session
      if (!isCurrentLink(ctx, request.idx, link) || link.phase !== 'connected' || session === undefined) return replyError()
      const timeoutMs = describePacketTimeoutMs(ctx.state.qmtConfigs[request.idx]!)
      void session.publish(request.topic, payload, request.qos, request.retain, timeoutMs).then(result => {
        if (ctx.isCurrent()) ctx.emitUrc(`${name}: ${request.idx},${request.msgId},${result}`)
      })
      return replyOk()
    }
    if (request.length !== undefined) return replyPrompt(request.length, send)
    return replyPromptUntilCtrlZ(readTraits(ctx.profile).mqtt.payloadBytes, send, () => replyOk())
  }
}

const PUBLISH = createPublishHandler('+QMTPUB', false)
const PUBLISH_EX = createPublishHandler('+QMTPUBEX', true)

/** A module whose AT+QMTPUB takes no length answers ERROR to the 6-parameter form. */
function publish(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.args.length > 5 && !readTraits(ctx.profile).mqtt.pubWithLength) return replyError()
  return PUBLISH(cmd, ctx)
}

/** AT+QMTPUBEX exists only where the profile says so; elsewhere it is an unknown command (ERROR). */
function publishEx(cmd: AtCommand, ctx: CommandContext): Reply {
  if (!readTraits(ctx.profile).mqtt.pubEx) return replyError()
  return PUBLISH_EX(cmd, ctx)
}

export const QMQTT_PUBLISH_HANDLERS: HandlerTable = {
  '+QMTPUB': publish,
  '+QMTPUBEX': publishEx,
}
