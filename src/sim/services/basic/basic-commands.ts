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
  if (isQuectelStyle(ctx)) return replyOk(id.manufacturer, id.model, `Revision: ${id.revision}`)
  return replyOk(`Manufacturer: ${id.manufacturer}`, `Model: ${id.model}`, `Revision: ${id.revision}`, `IMEI: ${id.imei}`, '+GCAP: +CGSM')
}

/** Quectel prints its identity bare: `Quectel` / `BG96` / `Revision: ...` for ATI, the revision alone for AT+CGMR. */
function isQuectelStyle(ctx: CommandContext): boolean {
  return ctx.profile.behaviour.identityStyle === 'quectel'
}

/** A command whose exec form prints one identity line and whose test form answers OK. */
function identityCommand(line: (ctx: CommandContext) => string): (cmd: AtCommand, ctx: CommandContext) => Reply {
  return (cmd, ctx) => {
    if (cmd.form === 'test') return replyOk()
    return cmd.form === 'exec' ? replyOk(line(ctx)) : replyError()
  }
}

/** AT+CGSN and AT+CGSN=1: the IMEI, bare or (27.007 <snt> 1) as `+CGSN: <imei>`; `=0` is the bare form. */
function showSerialNumber(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CGSN: (0-1)')
  const snt = cmd.form === 'exec' ? 0 : readInt(cmd, 0, 0, 1)
  if (snt === undefined || !hasArgCount(cmd, 0, 1) || cmd.form === 'read') return replyError()
  const imei = ctx.profile.identity.imei
  return replyOk(snt === 1 ? `+CGSN: ${imei}` : imei)
}

/** A command that reads the SIM card: `+CME ERROR: 10` without one. */
function simCommand(line: (ctx: CommandContext) => string): (cmd: AtCommand, ctx: CommandContext) => Reply {
  return (cmd, ctx) => {
    if (cmd.form === 'test') return replyOk()
    if (cmd.form !== 'exec') return replyError()
    return ctx.state.simPresent ? replyOk(line(ctx)) : replyCme(CME_SIM_NOT_INSERTED)
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
  '+CGMR': identityCommand(ctx => (isQuectelStyle(ctx) ? '' : '+CGMR: ') + ctx.profile.identity.revision),
  '+CGSN': showSerialNumber,
  '+CIMI': showImsi,
  '+CICCID': simCommand(ctx => `+ICCID: ${ctx.profile.identity.iccid}`),
  '+CCID': simCommand(ctx => `+CCID: ${ctx.profile.identity.iccid}`),
  '+CNUM': simCommand(ctx => `+CNUM: "","${ctx.profile.identity.msisdn}",145`),
  '+CMEE': configureErrorReports,
  '+CRESET': resetModem,
}
