/**
 * Data: AT+QISEND opens the `> ` prompt for `<len>` bytes (or up to Ctrl-Z) and ends with `SEND OK` once the bytes
 * are handed to the network, `SEND FAIL` when they cannot be; `AT+QISEND=<id>,0` tells how much was sent.
 * AT+QIRD reads buffer-mode data: `+QIRD: <n>` then the n bytes; `AT+QIRD=<id>,0` tells how much was received.
 */
import { readInt, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import {
  replyError,
  replyLater,
  replyOk,
  replyOkWithPayload,
  replyPrompt,
  replyPromptUntilCtrlZ,
  replyResult,
  type Reply,
} from '../../reply.js'
import { readTraits } from '../../profiles/read-quectel-traits.js'
import { isCurrentQiLink } from './qtcpip-events.js'
import { QI_ERR } from './qi-error.js'
import type { QiLink } from './qtcpip-state.js'

function findLink(cmd: AtCommand, ctx: CommandContext): { id: number; link: QiLink } | undefined {
  const id = readInt(cmd, 0, 0, ctx.state.qiLinks.length - 1)
  const link = id === undefined ? undefined : ctx.state.qiLinks[id]
  return id === undefined || link === undefined || cmd.form !== 'write' ? undefined : { id, link }
}

function sendData(cmd: AtCommand, ctx: CommandContext): Reply {
  const maxBytes = readTraits(ctx.profile).tcpip.sendBytes
  if (cmd.form === 'test') return replyOk(`+QISEND: (0-11),(0-${maxBytes})`)
  const found = findLink(cmd, ctx)
  const length = cmd.args.length > 1 ? readInt(cmd, 1, 0, maxBytes) : undefined
  if (found === undefined || (cmd.args.length > 1 && length === undefined) || cmd.args.length > 2) return replyError()
  const { id, link } = found
  if (length === 0) return replyOk(`+QISEND: ${link.sentBytes},${link.sentBytes},0`)
  // A socket the peer closed takes no data: the module refuses at once (TCP/IP AT manual, AT+QISEND).
  if (link.phase !== 'open') {
    ctx.state.qiLastError = QI_ERR.socketClosed
    return replyError()
  }
  const send = (data: Buffer): Reply => replyLater(deliver(ctx, id, link, data))
  return length === undefined ? replyPromptUntilCtrlZ(maxBytes, send, () => replyOk()) : replyPrompt(length, send)
}

async function deliver(ctx: CommandContext, id: number, link: QiLink, data: Buffer): Promise<Reply> {
  const to = link.protocol === 'UDP' ? ctx.resolve(link.host, link.port) : undefined
  const target = to?.ok ? { host: to.host, port: to.port } : undefined
  const sent = isCurrentQiLink(ctx, id, link) && link.phase === 'open' && (await (link.socket?.send(data, target) ?? false))
  if (sent) link.sentBytes += data.length
  return replyResult(sent ? 'SEND OK' : 'SEND FAIL')
}

function readData(cmd: AtCommand, ctx: CommandContext): Reply {
  const maxBytes = readTraits(ctx.profile).tcpip.readBytes
  if (cmd.form === 'test') return replyOk(`+QIRD: (0-11),(0-${maxBytes})`)
  const found = findLink(cmd, ctx)
  const length = cmd.args.length > 1 ? readInt(cmd, 1, 0, maxBytes) : maxBytes
  if (found === undefined || length === undefined || cmd.args.length > 2 || found.link.mode !== 0) return replyError()
  const { link } = found
  if (length === 0) return replyOk(`+QIRD: ${link.receivedBytes},${link.readBytes},${link.unread.length}`)
  const data = link.unread.subarray(0, length)
  link.unread = link.unread.subarray(data.length)
  link.readBytes += data.length
  // Drained: the next data is announced again with +QIURC: "recv",<id>.
  if (link.unread.length === 0) link.announced = false
  return data.length === 0 ? replyOk('+QIRD: 0') : replyOkWithPayload([`+QIRD: ${data.length}`], Buffer.from(data))
}

export const QTCPIP_DATA_HANDLERS: HandlerTable = {
  '+QISEND': sendData,
  '+QIRD': readData,
}
