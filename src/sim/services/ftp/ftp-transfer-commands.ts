/**
 * Transfers (FTPS chapter): AT+CFTPSGETFILE / AT+CFTPSPUTFILE between the server and the module's file system,
 * AT+CFTPSGET to the serial port as `+CFTPSGET: DATA,<len>` blocks, AT+CFTPSPUT from exactly `<len>` bytes typed
 * at the prompt (or up to Ctrl-Z). `<rest_size>` resumes from a break point: REST before RETR, and APPE of the rest for an upload.
 */
import { hasArgCount, readInt, readOptionalInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import { FTPS_ERR } from '../../../modem/families/simcom/ftp-codes.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, replyPrompt, replyPromptUntilCtrlZ, type Reply } from '../../reply.js'
import { encodeDataBlocks } from '../fs/data-blocks.js'
import { baseNameOf } from '../fs/flash.js'
import type { FtpConnection, FtpOutcome } from './ftp-connection.js'
import { readRemotePath, runOnSession } from './ftp-operation.js'

const MAX_OFFSET = 2_147_483_647

/** Bytes AT+CFTPSPUT reads at its prompt. */
export const FTP_PUT_BYTES = { min: 1, max: 10240 }

/**
 * The module folder `<dir>` names: 0 (the default) the AT+FSCD folder, 1 the root of `C:`, 2 the root of the
 * profile's second drive. Undefined when it has no such drive.
 */
function selectLocalDir(ctx: CommandContext, dir: number): string | undefined {
  if (dir === 0) return ctx.state.fsCwd
  const drive = ctx.flash.spec.drives[dir - 1]
  return drive?.present ? `${drive.name}/` : undefined
}

interface LocalTransfer {
  remote: string
  local: string
  restSize: number
}

/** `"<filepath>"[,<dir>[,<rest_size>]]`, the local file named as the remote one's last part. */
function readLocalTransfer(cmd: AtCommand, ctx: CommandContext): LocalTransfer | undefined {
  const remote = readRemotePath(readString(cmd, 0))
  const dir = readOptionalInt(cmd, 1, 0, 2, 0)
  const restSize = readOptionalInt(cmd, 2, 0, MAX_OFFSET, 0)
  if (cmd.form !== 'write' || !hasArgCount(cmd, 1, 3) || remote === undefined || dir === undefined || restSize === undefined)
    return undefined
  const folder = selectLocalDir(ctx, dir)
  const local = folder === undefined ? undefined : ctx.flash.resolve(folder, baseNameOf(remote))
  return local === undefined ? undefined : { remote, local, restSize }
}

/** Applies AT+CFTPSTYPE before a transfer, then runs it. */
function withType<T>(ctx: CommandContext, run: (connection: FtpConnection) => Promise<FtpOutcome<T>>) {
  return async (connection: FtpConnection): Promise<FtpOutcome<T>> => {
    const typed = await connection.setType(ctx.state.ftpType)
    return typed.ok ? run(connection) : typed
  }
}

function getFile(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const transfer = readLocalTransfer(cmd, ctx)
  if (transfer === undefined) return replyError()
  const kept = ctx.flash.readFile(transfer.local)?.bytes ?? Buffer.alloc(0)
  if (kept.length < transfer.restSize) return replyError()
  return runOnSession(
    ctx,
    '+CFTPSGETFILE',
    withType(ctx, async connection => {
      const got = await connection.download(transfer.remote, transfer.restSize)
      if (!got.ok) return got
      const body = Buffer.concat([kept.subarray(0, transfer.restSize), got.value])
      const stored = ctx.flash.writeFile(transfer.local, body)
      return stored.ok ? got : { ok: false, code: FTPS_ERR.memoryError, note: `cannot store ${transfer.local}: ${stored.reason}` }
    }),
    () => ctx.emitUrc(`+CFTPSGETFILE: ${FTPS_ERR.ok}`),
  )
}

function putFile(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const transfer = readLocalTransfer(cmd, ctx)
  const file = transfer === undefined ? undefined : ctx.flash.readFile(transfer.local)
  if (transfer === undefined || file === undefined || file.bytes.length < transfer.restSize) return replyError()
  const bytes = file.bytes.subarray(transfer.restSize)
  return runOnSession(
    ctx,
    '+CFTPSPUTFILE',
    withType(ctx, connection => connection.upload(transfer.remote, bytes, transfer.restSize > 0)),
    () => ctx.emitUrc(`+CFTPSPUTFILE: ${FTPS_ERR.ok}`),
  )
}

/** AT+CFTPSGET="<filepath>"[,<rest_size>[,<len>]]: the file (or `<len>` bytes of it) from `<rest_size>` on. */
function getToSerial(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const remote = readRemotePath(readString(cmd, 0))
  const restSize = readOptionalInt(cmd, 1, 0, MAX_OFFSET, 0)
  const length = readOptionalInt(cmd, 2, 1, MAX_OFFSET, MAX_OFFSET)
  if (cmd.form !== 'write' || !hasArgCount(cmd, 1, 3) || remote === undefined || restSize === undefined || length === undefined)
    return replyError()
  return runOnSession(
    ctx,
    '+CFTPSGET',
    withType(ctx, connection => connection.download(remote, restSize)),
    body => ctx.emitBytes(encodeDataBlocks('+CFTPSGET', body.subarray(0, length), ctx.profile.limits.rxChunkBytes)),
  )
}

/**
 * AT+CFTPSPUT="<filepath>"[,<len>[,<rest_size>]]: with `<len>` the prompt takes exactly that many bytes; without it
 * the bytes up to Ctrl-Z (ESC gives up with `OK` and sends nothing). A rest size appends them.
 */
function putFromSerial(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk(`+CFTPSPUT: "FILEPATH",(${FTP_PUT_BYTES.min}-${FTP_PUT_BYTES.max})`)
  const remote = readRemotePath(readString(cmd, 0))
  const length = cmd.args.length < 2 ? 'ctrl-z' : readInt(cmd, 1, FTP_PUT_BYTES.min, FTP_PUT_BYTES.max)
  const restSize = readOptionalInt(cmd, 2, 0, MAX_OFFSET, 0)
  if (cmd.form !== 'write' || !hasArgCount(cmd, 1, 3) || remote === undefined || length === undefined || restSize === undefined)
    return replyError()
  const { state } = ctx
  if (!state.ftpStarted || state.ftpConnection === undefined || state.ftpBusy) return replyError()
  const send = (data: Buffer): Reply =>
    runOnSession(
      ctx,
      '+CFTPSPUT',
      withType(ctx, connection => connection.upload(remote, data, restSize > 0)),
      () => ctx.emitUrc(`+CFTPSPUT: ${FTPS_ERR.ok}`),
    )
  if (length === 'ctrl-z') return replyPromptUntilCtrlZ(FTP_PUT_BYTES.max, send, () => replyOk())
  return replyPrompt(length, send)
}

export const FTP_TRANSFER_HANDLERS: HandlerTable = {
  '+CFTPSGETFILE': getFile,
  '+CFTPSPUTFILE': putFile,
  '+CFTPSGET': getToSerial,
  '+CFTPSPUT': putFromSerial,
}
