/**
 * AT+CNMA (TS 27.005 §3.4.4): under AT+CSMS=1 the host acknowledges each +CMT or +CDS the module showed. Text mode
 * takes the execution form only; PDU mode also `=<n>` (0 as text mode, 1 RP-ACK, 2 RP-ERROR). An RP-ACK or
 * RP-ERROR TPDU after a prompt (`<length>` above 0) is not offered.
 */
import { hasArgCount, readInt, readOptionalInt, type AtCommand } from '../../../modem/at-command-line.js'
import { CMS_ERROR } from '../../../modem/cms-error.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyCms, replyError, replyOk, type Reply } from '../../reply.js'
import { acknowledgeShown } from './sms-indications.js'

const RP_ERROR = 2

function acknowledgeMessage(cmd: AtCommand, ctx: CommandContext): Reply {
  const pduMode = ctx.state.sms.cmgf === 0
  if (cmd.form === 'test') return pduMode ? replyOk('+CNMA: (0-2)') : replyOk()
  if (cmd.form === 'read' || (cmd.form === 'write' && !pduMode)) return replyError()
  const n = cmd.form === 'exec' ? 0 : readInt(cmd, 0, 0, 2)
  const length = cmd.form === 'exec' ? 0 : readOptionalInt(cmd, 1, 0, 255, 0)
  if (n === undefined || length === undefined || !hasArgCount(cmd, 0, 2)) return replyError()
  if (length > 0) return replyCms(CMS_ERROR.operationNotSupported)
  if (ctx.state.sms.csms === 0 || !acknowledgeShown(ctx)) return replyCms(CMS_ERROR.noAckExpected)
  if (n === RP_ERROR) ctx.note('AT+CNMA=2: the module told the centre the message was not taken (RP-ERROR)')
  return replyOk()
}

export const SMS_ACK_HANDLERS: HandlerTable = { '+CNMA': acknowledgeMessage }
