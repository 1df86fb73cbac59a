/**
 * The file system commands (A76XX / SIM7600 manual, "File System Related Commands"): AT+FSCD, AT+FSMKDIR,
 * AT+FSRMDIR, AT+FSLS, AT+FSDEL, AT+FSRENAME, AT+FSATTRI, AT+FSMEM, AT+FSCOPY. A path is absolute (`C:/a.txt`) or
 * relative to the AT+FSCD folder; a failure is a plain `ERROR`.
 */
import { hasArgCount, readInt, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import type { FlashResult } from './flash.js'

/**
 * The absolute path in parameter `index`, or undefined when it is missing or names no drive the module has.
 * Quotes are optional: the SIM7600 manual writes `AT+FSCD=C:`, the A76XX one `AT+FSDEL="C:/a.txt"`.
 */
export function readPath(cmd: AtCommand, index: number, ctx: CommandContext): string | undefined {
  const text = cmd.args[index]?.text
  if (text === undefined || text === '') return undefined
  const path = ctx.flash.resolve(ctx.state.fsCwd, text)
  return path !== undefined && ctx.flash.driveOf(path) !== undefined ? path : undefined
}

function answer(result: FlashResult): Reply {
  return result.ok ? replyOk() : replyError()
}

/** A folder as AT+FSCD prints it: always with a trailing `/`. */
function describeDir(path: string): string {
  return path.endsWith('/') ? path : `${path}/`
}

function changeDirectory(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  if (cmd.form === 'read') return replyOk(`+FSCD: ${describeDir(ctx.state.fsCwd)}`)
  const path = readPath(cmd, 0, ctx)
  if (cmd.form !== 'write' || !hasArgCount(cmd, 1, 1) || path === undefined || !ctx.flash.isDirectory(path)) return replyError()
  ctx.state.fsCwd = path
  return replyOk(`+FSCD: ${describeDir(path)}`)
}

function withPath(run: (path: string, ctx: CommandContext) => Reply): (cmd: AtCommand, ctx: CommandContext) => Reply {
  return (cmd, ctx) => {
    if (cmd.form === 'test') return replyOk()
    const path = readPath(cmd, 0, ctx)
    if (cmd.form !== 'write' || !hasArgCount(cmd, 1, 1) || path === undefined) return replyError()
    return run(path, ctx)
  }
}

/** AT+FSLS lists both kinds (0, the default), only sub-folders (1) or only files (2) of the current folder. */
function listDirectory(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+FSLS: (0-2)')
  if (cmd.form === 'read') return replyOk(`+FSLS: ${describeDir(ctx.state.fsCwd)}`)
  const type = cmd.form === 'exec' ? 0 : readInt(cmd, 0, 0, 2)
  if (type === undefined || (cmd.form === 'write' && !hasArgCount(cmd, 1, 1))) return replyError()
  const { dirs, files } = ctx.flash.list(ctx.state.fsCwd)
  const lines: string[] = []
  if (type !== 2) lines.push('+FSLS: SUBDIRECTORIES:', ...dirs, '')
  if (type !== 1) lines.push('+FSLS: FILES:', ...files, '')
  // The manual's listing ends each block with an empty line; the last one is the line before OK.
  return replyOk(...lines.slice(0, -1))
}

/** `*.*` deletes every file of the current folder. */
function deleteFile(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'write' && cmd.args[0]?.text === '*.*' && hasArgCount(cmd, 1, 1)) {
    const cwd = ctx.state.fsCwd
    for (const name of ctx.flash.list(cwd).files) ctx.flash.deleteFile(ctx.flash.resolve(cwd, name) ?? '')
    return replyOk()
  }
  return withPath((path, c) => answer(c.flash.deleteFile(path)))(cmd, ctx)
}

function renameFile(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const from = readPath(cmd, 0, ctx)
  const to = readPath(cmd, 1, ctx)
  if (cmd.form !== 'write' || !hasArgCount(cmd, 2, 2) || from === undefined || to === undefined) return replyError()
  return answer(ctx.flash.renameFile(from, to))
}

function copyFile(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const from = readPath(cmd, 0, ctx)
  const to = readPath(cmd, 1, ctx)
  if (cmd.form !== 'write' || !hasArgCount(cmd, 2, 2) || from === undefined || to === undefined) return replyError()
  const file = ctx.flash.readFile(from)
  if (file === undefined || ctx.flash.readFile(to) !== undefined) return replyError()
  return answer(ctx.flash.writeFile(to, file.bytes))
}

function describeAttributes(path: string, ctx: CommandContext): Reply {
  const file = ctx.flash.readFile(path)
  if (file === undefined) return replyError()
  if (!ctx.flash.spec.attributeDate) return replyOk(`+FSATTRI: ${file.bytes.length}`)
  return replyOk(`+FSATTRI: ${file.bytes.length},${describeDate(new Date(file.createdMs))}`)
}

/** `2008/04/28 10:24:46`, the SIM7600 manual's date format. */
function describeDate(when: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0')
  const date = `${when.getUTCFullYear()}/${two(when.getUTCMonth() + 1)}/${two(when.getUTCDate())}`
  return `${date} ${two(when.getUTCHours())}:${two(when.getUTCMinutes())}:${two(when.getUTCSeconds())}`
}

/** `+FSMEM: C:(<total>,<used>)` for every drive with a medium, in bytes. */
function describeMemory(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec') return replyError()
  const drives = ctx.flash.spec.drives.filter(drive => drive.present)
  return replyOk(`+FSMEM: ${drives.map(drive => `${drive.name}(${drive.capacityBytes},${ctx.flash.usedBytes(drive)})`).join(',')}`)
}

export const FS_HANDLERS: HandlerTable = {
  '+FSCD': changeDirectory,
  '+FSMKDIR': withPath((path, ctx) => answer(ctx.flash.makeDirectory(path))),
  '+FSRMDIR': withPath((path, ctx) => answer(ctx.flash.removeDirectory(path))),
  '+FSLS': listDirectory,
  '+FSDEL': deleteFile,
  '+FSRENAME': renameFile,
  '+FSCOPY': copyFile,
  '+FSATTRI': withPath(describeAttributes),
  '+FSMEM': describeMemory,
}
