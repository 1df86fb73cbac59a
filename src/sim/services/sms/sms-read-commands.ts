/**
 * Reading and deleting stored messages (TS 27.005 §3.4.4, §3.4.2, §3.5.4): AT+CMGR, AT+CMGL and AT+CMGD on the
 * read storage (AT+CPMS's first). Reading a received message marks it read.
 */
import { hasArgCount, readInt, readOptionalInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import { CMS_ERROR } from '../../../modem/cms-error.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyCms, replyError, replyOk, type Reply } from '../../reply.js'
import type { StoredSms } from './sms-state.js'
import { describeMessage } from './sms-format.js'
import { capacityOf, listStored, simProblemOf } from './sms-store.js'
import { STATUS_ALL, STATUS_NAMES, readStatusName } from './sms-text.js'

/** A received unread message becomes read once the host has seen it. */
function markRead(sms: StoredSms): void {
  if (sms.status === 0) sms.status = 1
}

function readMessage(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const problem = simProblemOf(ctx)
  if (problem !== undefined) return replyCms(problem)
  const storage = ctx.state.sms.storages[0]
  const index = readInt(cmd, 0, 0, 65535)
  if (cmd.form !== 'write' || index === undefined || !hasArgCount(cmd, 1, 2)) return replyError()
  const sms = ctx.state.sms.stored[storage].get(index)
  if (sms === undefined) return replyCms(CMS_ERROR.invalidMemoryIndex)
  const lines = describeMessage(ctx.state, sms, { kind: 'read' })
  markRead(sms)
  return replyOk(...lines)
}

/** The status AT+CMGL asks for: a name in text mode (default `REC UNREAD`), a number 0–4 in PDU mode (default 0). */
function readListStatus(cmd: AtCommand, ctx: CommandContext): number | undefined {
  if (cmd.form === 'exec') return 0
  if (ctx.state.sms.cmgf === 0) return readInt(cmd, 0, 0, STATUS_ALL)
  const name = readString(cmd, 0)
  return name === undefined ? undefined : readStatusName(name)
}

function listMessages(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') {
    const names = [...STATUS_NAMES, 'ALL'].map(name => `"${name}"`).join(',')
    return replyOk(ctx.state.sms.cmgf === 0 ? '+CMGL: (0-4)' : `+CMGL: (${names})`)
  }
  const problem = simProblemOf(ctx)
  if (problem !== undefined) return replyCms(problem)
  const status = readListStatus(cmd, ctx)
  if (status === undefined || cmd.form === 'read' || !hasArgCount(cmd, 0, 2)) return replyError()
  const found = listStored(ctx, ctx.state.sms.storages[0], status)
  const lines = found.flatMap(([index, sms]) => describeMessage(ctx.state, sms, { kind: 'list', index }))
  for (const [, sms] of found) markRead(sms)
  return replyOk(...lines)
}

/**
 * AT+CMGD=<index>[,<delflag>]: flag 0 deletes the message at index; 1 every read message, 2 also sent ones,
 * 3 also unsent ones, 4 all (the index is then ignored).
 */
function deleteMessages(cmd: AtCommand, ctx: CommandContext): Reply {
  const storage = ctx.state.sms.storages[0]
  const messages = ctx.state.sms.stored[storage]
  if (cmd.form === 'test') {
    const used = [...messages.keys()].sort((a, b) => a - b)
    return replyOk(`+CMGD: (${used.join(',')}),(0-4)`)
  }
  const problem = simProblemOf(ctx)
  if (problem !== undefined) return replyCms(problem)
  const index = readInt(cmd, 0, 0, 65535)
  const flag = readOptionalInt(cmd, 1, 0, 4, 0)
  if (cmd.form !== 'write' || index === undefined || flag === undefined || !hasArgCount(cmd, 1, 2)) return replyError()
  if (flag === 0) {
    if (index < 1 || index > capacityOf(ctx, storage)) return replyCms(CMS_ERROR.invalidMemoryIndex)
    messages.delete(index)
    return replyOk()
  }
  // Statuses each flag removes: 1 read; 2 read and sent; 3 read, sent and unsent; 4 everything.
  const removed = [[1], [1, 3], [1, 3, 2], [0, 1, 2, 3]][flag - 1] ?? []
  for (const [at, sms] of [...messages]) if (removed.includes(sms.status)) messages.delete(at)
  return replyOk()
}

export const SMS_READ_HANDLERS: HandlerTable = {
  '+CMGR': readMessage,
  '+CMGL': listMessages,
  '+CMGD': deleteMessages,
}
