/**
 * Messages the broker delivers: pushed at once as one `+QMTRECV: <idx>,<msgID>,"<topic>"[,<len>],"<payload>"` URC
 * (recv/mode 0), or kept in the client's buffers with `+QMTRECV: <idx>,<recv_id>` and read with AT+QMTRECV
 * (recv/mode 1). The payload is printed as it came, quotes and line ends included, as the module does.
 */
import { readInt, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, replyOkWithPayload, type Reply } from '../../reply.js'
import { readTraits } from '../../profiles/read-quectel-traits.js'
import type { QmtConfig, QmtLink, QmtMessage } from './qmqtt-state.js'

const CRLF = Buffer.from('\r\n')

/** Pushes or buffers one incoming message of client `idx`. */
export function deliverMessage(ctx: CommandContext, idx: number, link: QmtLink, message: QmtMessage): void {
  const config = ctx.state.qmtConfigs[idx]!
  if (!config.recv.buffered) {
    const line = Buffer.concat([CRLF, encodeMessage(idx, message, config), CRLF])
    return ctx.emitBytes(line)
  }
  const slots = readTraits(ctx.profile).mqtt.recvBuffers
  const free = Array.from({ length: slots }, (_, id) => id).find(id => link.buffered[id] === undefined)
  if (free === undefined) return ctx.note(`client ${idx}: all ${slots} receive buffers are full; a message on ${message.topic} is dropped`)
  link.buffered[free] = message
  ctx.emitUrc(`+QMTRECV: ${idx},${free}`)
}

/** `+QMTRECV: <idx>,<msgID>,"<topic>"[,<len>],"<payload>"`, the payload's bytes as they are. */
function encodeMessage(idx: number, message: QmtMessage, config: QmtConfig, recvId?: number): Buffer {
  const length = config.recv.withLength ? `,${message.payload.length}` : ''
  const slot = recvId === undefined ? '' : `${recvId},`
  const head = `+QMTRECV: ${idx},${slot}${message.msgId},"${message.topic}"${length},"`
  return Buffer.concat([Buffer.from(head, 'utf8'), message.payload, Buffer.from('"')])
}

/** `AT+QMTRECV?` (which buffers hold a message), `AT+QMTRECV=<idx>[,<recv_id>]` (read and free them). */
function readBuffered(cmd: AtCommand, ctx: CommandContext): Reply {
  const links = ctx.state.qmtLinks
  const slots = readTraits(ctx.profile).mqtt.recvBuffers
  if (cmd.form === 'test') return replyOk(`+QMTRECV: (0-${links.length - 1}),(0-${slots - 1})`)
  if (cmd.form === 'read') return replyOk(...listBufferStates(ctx, slots))
  const idx = readInt(cmd, 0, 0, links.length - 1)
  const recvId = cmd.args.length > 1 ? readInt(cmd, 1, 0, slots - 1) : undefined
  const link = idx === undefined ? undefined : links[idx]
  if (cmd.form !== 'write' || idx === undefined || link === undefined || cmd.args.length > 2) return replyError()
  if (cmd.args.length > 1 && recvId === undefined) return replyError()
  const ids = recvId === undefined ? Array.from({ length: slots }, (_, id) => id) : [recvId]
  const config = ctx.state.qmtConfigs[idx]!
  const lines = ids.flatMap(id => {
    const message = link.buffered[id]
    link.buffered[id] = undefined
    return message === undefined ? [] : [encodeMessage(idx, message, config, id)]
  })
  if (lines.length === 0) return replyOk()
  // Raw bytes, not text lines: the length the line gives counts the payload's bytes as they came.
  return replyOkWithPayload([], Buffer.concat(lines.flatMap(line => [CRLF, line])))
}

function listBufferStates(ctx: CommandContext, slots: number): string[] {
  return ctx.state.qmtLinks.flatMap((link, idx) => {
    if (link?.phase !== 'connected') return []
    const states = Array.from({ length: slots }, (_, id) => (link.buffered[id] === undefined ? 0 : 1))
    return [`+QMTRECV: ${idx},${states.join(',')}`]
  })
}

export const QMQTT_RECEIVE_HANDLERS: HandlerTable = {
  '+QMTRECV': readBuffered,
}
