/**
 * The module's UFS file store (kept across reboots): AT+QFUPL uploads a file (`CONNECT`, then exactly `<size>`
 * bytes, then `+QFUPL: <size>,<checksum>` and `OK`), AT+QFLST lists files, AT+QFDEL deletes them.
 * Names may carry the `UFS:` prefix; UFS is the only storage, so `UFS:ca.pem` and `ca.pem` are one file.
 */
import { readInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyCme, replyDataMode, replyError, replyOk, type Reply } from '../../reply.js'

/** FILE application note error codes for +CME ERROR. */
export const FILE_ERR = { invalidInput: 400, notFound: 405, invalidName: 406, exists: 407 } as const

/** A UFS file name without its `UFS:` prefix; undefined when nothing is left or it is a pattern. */
export function toUfsName(name: string): string | undefined {
  const bare = name.replace(/^UFS:/i, '')
  return bare === '' || bare.includes('*') || bare.includes('/') ? undefined : bare
}

/** The 16-bit XOR of the data taken as big-endian words (a last odd byte is the high byte of a word), in hex. */
export function describeChecksum(data: Buffer): string {
  let sum = 0
  for (let at = 0; at < data.length; at += 2) sum ^= ((data[at] ?? 0) << 8) | (data[at + 1] ?? 0)
  return sum.toString(16)
}

function uploadFile(cmd: AtCommand, ctx: CommandContext): Reply {
  const maxBytes = ctx.profile.limits.certFileBytes
  if (cmd.form === 'test') return replyOk(`+QFUPL: "<name>",(1-${maxBytes}),(1-65535),(0,1)`)
  const text = readString(cmd, 0)
  const name = text === undefined ? undefined : toUfsName(text)
  const size = readInt(cmd, 1, 1, maxBytes)
  const timeout = cmd.args.length > 2 ? readInt(cmd, 2, 1, 65535) : 5
  if (cmd.form !== 'write' || text === undefined || size === undefined || timeout === undefined || cmd.args.length > 4) return replyError()
  if (name === undefined) return replyCme(FILE_ERR.invalidName)
  if (ctx.files.has(name)) return replyCme(FILE_ERR.exists)
  return replyDataMode('CONNECT', size, data => {
    ctx.files.set(name, data)
    return replyOk(`+QFUPL: ${data.length},${describeChecksum(data)}`)
  })
}

function listFiles(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const pattern = cmd.form === 'write' ? readString(cmd, 0) : '*'
  if (pattern === undefined || cmd.args.length > 1 || cmd.form === 'read') return replyError()
  const bare = pattern.replace(/^UFS:/i, '')
  const names = [...ctx.files.keys()].filter(name => bare === '*' || name === bare).sort()
  return replyOk(...names.map(name => `+QFLST: "${name}",${ctx.files.get(name)?.length ?? 0}`))
}

function deleteFile(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const text = readString(cmd, 0)
  if (cmd.form !== 'write' || text === undefined || cmd.args.length !== 1) return replyError()
  if (text.replace(/^UFS:/i, '') === '*') {
    ctx.files.clear()
    return replyOk()
  }
  const name = toUfsName(text)
  if (name === undefined) return replyCme(FILE_ERR.invalidName)
  return ctx.files.delete(name) ? replyOk() : replyCme(FILE_ERR.notFound)
}

export const QFILE_HANDLERS: HandlerTable = {
  '+QFUPL': uploadFile,
  '+QFLST': listFiles,
  '+QFDEL': deleteFile,
}
