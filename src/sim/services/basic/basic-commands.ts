/** Basic commands: AT, ATE, ATI, identity (AT+CGMI/CGMM/CGMR/CGSN/CIMI), AT+CMEE, AT+CRESET. */
import { hasArgCount, readInt, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyCme, replyError, replyOk, type Reply } from '../../reply.js'

const CME_SIM_NOT_INSERTED = 10

function answerAt(cmd: AtCommand): Reply {
  return cmd.form === 'exec' ? replyOk() : replyError()
}

function setEcho(cmd: AtCommand, ctx: CommandContext): Reply {
  const value = cmd.form === 'exec' ? 0 : readInt(cmd, 0, 0, 1)
  if (value === undefined) return replyError()
  ctx.state.echo = value === 1
  return replyOk()
}

function showInformation(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form !== 'exec' && !(cmd.form === 'write' && cmd.args[0]?.text === '0')) return replyError()
  const id = ctx.profile.identity
  return replyOk(`Manufacturer: ${id.manufacturer}`, `Model: ${id.model}`, `Revision: ${id.revision}`, `IMEI: ${id.imei}`, '+GCAP: +CGSM')
}

/** A command whose exec form prints one identity line and whose test form answers OK. */
function identityCommand(line: (ctx: CommandContext) => string): (cmd: AtCommand, ctx: CommandContext) => Reply {
  return (cmd, ctx) => {
    if (cmd.form === 'test') return replyOk()
    return cmd.form === 'exec' ? replyOk(line(ctx)) : replyError()
  }
}

function showImsi(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec') return replyError()
  return ctx.state.simPresent ? replyOk(ctx.profile.identity.imsi) : replyCme(CME_SIM_NOT_INSERTED)
}

function configureErrorReports(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CMEE: (0-2)')
  if (cmd.form === 'read') return replyOk(`+CMEE: ${ctx.state.cmee}`)
  const value = cmd.form === 'exec' ? 0 : readInt(cmd, 0, 0, 2)
  if (value === undefined || !hasArgCount(cmd, 0, 1)) return replyError()
  ctx.state.cmee = value as 0 | 1 | 2
  return replyOk()
}

function resetModem(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec') return replyError()
  ctx.scheduleReboot()
  return replyOk()
}

export const BASIC_HANDLERS: HandlerTable = {
  '': answerAt,
  E: setEcho,
  I: showInformation,
  '+CGMI': identityCommand(ctx => ctx.profile.identity.manufacturer),
  '+CGMM': identityCommand(ctx => ctx.profile.identity.model),
  '+CGMR': identityCommand(ctx => `+CGMR: ${ctx.profile.identity.revision}`),
  '+CGSN': identityCommand(ctx => ctx.profile.identity.imei),
  '+CIMI': showImsi,
  '+CMEE': configureErrorReports,
  '+CRESET': resetModem,
}
