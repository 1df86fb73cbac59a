/** AT+CIPRXGET: the receive mode (0 push, 1 buffer) and reading buffered data by length (2 raw, 3 hex, 4 how much). */
import { readInt, readOptionalInt, type AtCommand } from '../../../modem/at-command-line.js'
import { IP_ERROR } from '../../../modem/families/simcom/tcpip-codes.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, replyOkWithPayload, type Reply } from '../../reply.js'
import { replyIpError } from './ip-error.js'
import { TCPIP_LINKS, type TcpipLink } from './tcpip-state.js'

/** The most one read returns: 1500 raw bytes, or 750 bytes as 1500 hex digits. */
const READ_BYTES = { raw: 1500, hex: 750 }

function receiveCommand(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk(`+CIPRXGET: (0-4),(0-${TCPIP_LINKS - 1}),(1-${READ_BYTES.raw})`)
  if (cmd.form === 'read') return replyOk(`+CIPRXGET: ${ctx.state.receiveMode === 'buffer' ? 1 : 0}`)
  const mode = readInt(cmd, 0, 0, 4)
  if (cmd.form !== 'write' || mode === undefined) return replyError()
  if (mode <= 1) {
    if (cmd.args.length !== 1) return replyError()
    ctx.state.receiveMode = mode === 1 ? 'buffer' : 'push'
    return replyOk()
  }
  const linkNo = readInt(cmd, 1, 0, TCPIP_LINKS - 1)
  if (linkNo === undefined) return replyError()
  const link = ctx.state.links[linkNo]
  if (ctx.state.receiveMode !== 'buffer') return replyIpError(IP_ERROR.operationNotSupported)
  if (link === undefined) return replyIpError(IP_ERROR.noData)
  if (mode === 4) return cmd.args.length === 2 ? replyOk(`+CIPRXGET: 4,${linkNo},${link.unread.length}`) : replyError()
  return readBuffered(cmd, linkNo, link, mode === 3)
}

function readBuffered(cmd: AtCommand, linkNo: number, link: TcpipLink, asHex: boolean): Reply {
  const max = asHex ? READ_BYTES.hex : READ_BYTES.raw
  const wanted = readOptionalInt(cmd, 2, 1, max, max)
  if (wanted === undefined || cmd.args.length > 3) return replyError()
  if (link.unread.length === 0) return replyIpError(IP_ERROR.noData)
  const data = link.unread.subarray(0, wanted)
  link.unread = Buffer.from(link.unread.subarray(data.length))
  const header = `+CIPRXGET: ${asHex ? 3 : 2},${linkNo},${data.length},${link.unread.length}`
  return asHex ? replyOk(header, data.toString('hex').toUpperCase()) : replyOkWithPayload([header], data)
}

export const TCPIP_RECEIVE_HANDLERS: HandlerTable = {
  '+CIPRXGET': receiveCommand,
}
