/**
 * Moving files over the serial port: AT+CFTRANRX writes a file from exactly `<len>` bytes typed at the `>` prompt,
 * AT+CFTRANTX reads one back (whole, or `<size>` bytes from `<location>`) as `+CFTRANTX: DATA,<len>` blocks.
 */
import { hasArgCount, readInt, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, replyPrompt, type Reply } from '../../reply.js'
import { replyDataBlocks } from './data-blocks.js'
import { readPath } from './fs-commands.js'
import { parentOf } from './flash.js'

function receiveFile(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CFTRANRX: "FILEPATH",(1-2147483647)')
  const path = readPath(cmd, 0, ctx)
  const length = readInt(cmd, 1, 1, 2_147_483_647)
  if (cmd.form !== 'write' || !hasArgCount(cmd, 2, 2) || path === undefined || length === undefined) return replyError()
  const drive = ctx.flash.driveOf(path)
  const replaced = ctx.flash.readFile(path)?.bytes.length ?? 0
  if (drive === undefined || !ctx.flash.isDirectory(parentOf(path)) || ctx.flash.isDirectory(path)) return replyError()
  if (ctx.flash.usedBytes(drive) - replaced + length > drive.capacityBytes) return replyError()
  return replyPrompt(length, data => (ctx.flash.writeFile(path, data).ok ? replyOk() : replyError()))
}

function sendFile(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CFTRANTX: "FILEPATH",(0-2147483647),(1-2147483647)')
  const path = readPath(cmd, 0, ctx)
  const file = path === undefined ? undefined : ctx.flash.readFile(path)
  if (cmd.form !== 'write' || (!hasArgCount(cmd, 1, 1) && !hasArgCount(cmd, 3, 3)) || file === undefined) return replyError()
  const whole = cmd.args.length === 1
  const location = whole ? 0 : readInt(cmd, 1, 0, 2_147_483_647)
  const size = whole ? file.bytes.length : readInt(cmd, 2, 1, 2_147_483_647)
  if (location === undefined || size === undefined || (!whole && location >= file.bytes.length)) return replyError()
  const bytes = file.bytes.subarray(location, location + size)
  return replyDataBlocks('+CFTRANTX', bytes, ctx.flash.spec.transferBlockBytes)
}

export const FS_TRANSFER_HANDLERS: HandlerTable = {
  '+CFTRANRX': receiveFile,
  '+CFTRANTX': sendFile,
}
