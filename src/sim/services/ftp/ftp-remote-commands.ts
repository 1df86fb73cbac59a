/**
 * Commands on the server's folders (FTPS chapter): AT+CFTPSPWD, AT+CFTPSCWD, AT+CFTPSMKD, AT+CFTPSRMD,
 * AT+CFTPSDELE, AT+CFTPSSIZE and AT+CFTPSLIST, each `OK` then its result URC.
 */
import { hasArgCount, readString, type AtCommand } from '../../../modem/at-command-line.js'
import { FTPS_ERR } from '../../../modem/families/simcom/ftp-codes.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { encodeDataBlocks } from '../fs/data-blocks.js'
import { readRemotePath, runOnSession } from './ftp-operation.js'

function printWorkingDir(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec') return replyError()
  return runOnSession(
    ctx,
    '+CFTPSPWD',
    connection => connection.pwd(),
    dir => ctx.emitUrc(`+CFTPSPWD: "${dir}"`),
  )
}

/** CWD, MKD, RMD, DELE: one quoted path, `<name>: 0` when the server agreed. */
function sendPathCommand(verb: string): (cmd: AtCommand, ctx: CommandContext) => Reply {
  const name = `+CFTPS${verb}`
  return (cmd, ctx) => {
    if (cmd.form === 'test') return replyOk()
    const path = readRemotePath(readString(cmd, 0))
    if (cmd.form !== 'write' || !hasArgCount(cmd, 1, 1) || path === undefined) return replyError()
    return runOnSession(
      ctx,
      name,
      connection => connection.command(verb, path),
      () => ctx.emitUrc(`${name}: ${FTPS_ERR.ok}`),
    )
  }
}

function describeSize(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const path = readRemotePath(readString(cmd, 0))
  if (cmd.form !== 'write' || !hasArgCount(cmd, 1, 1) || path === undefined) return replyError()
  return runOnSession(
    ctx,
    '+CFTPSSIZE',
    connection => connection.size(path),
    size => ctx.emitUrc(`+CFTPSSIZE: ${size}`),
  )
}

/** The server's LIST text, untouched, as `+CFTPSLIST: DATA,<len>` blocks and then `+CFTPSLIST: 0`. */
function listDirectory(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const path = cmd.form === 'exec' ? '' : readRemotePath(readString(cmd, 0))
  if ((cmd.form !== 'exec' && cmd.form !== 'write') || path === undefined || cmd.args.length > 1) return replyError()
  return runOnSession(
    ctx,
    '+CFTPSLIST',
    connection => connection.list(path),
    listing => ctx.emitBytes(encodeDataBlocks('+CFTPSLIST', listing, ctx.profile.limits.rxChunkBytes)),
  )
}

export const FTP_REMOTE_HANDLERS: HandlerTable = {
  '+CFTPSPWD': printWorkingDir,
  '+CFTPSCWD': sendPathCommand('CWD'),
  '+CFTPSMKD': sendPathCommand('MKD'),
  '+CFTPSRMD': sendPathCommand('RMD'),
  '+CFTPSDELE': sendPathCommand('DELE'),
  '+CFTPSSIZE': describeSize,
  '+CFTPSLIST': listDirectory,
}
