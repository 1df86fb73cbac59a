/** Message service settings (TS 27.005 §3.2–3.4): AT+CSMS, AT+CMGF, AT+CSCS, AT+CSCA, AT+CPMS, AT+CNMI, AT+CSMP, AT+CSDH. */
import { hasArgCount, readInt, readOptionalInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import { CMS_ERROR } from '../../../modem/cms-error.js'
import { describeAddress } from '../../../modem/sms-pdu.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyCms, replyError, replyOk, type Reply } from '../../reply.js'
import { smsTraitsOf, type SmsState, type SmsStorageName } from './sms-state.js'
import { releaseBuffered } from './sms-indications.js'
import { capacityOf, simProblemOf } from './sms-store.js'
import { readTeString, writeTeString } from './sms-text.js'

const CHARACTER_SETS: ReadonlyArray<SmsState['sms']['cscs']> = ['GSM', 'IRA', 'UCS2']

/** AT+CSMS: phase 2 (0) or phase 2+ (1, the host acknowledges with AT+CNMA); mobile-terminated, -originated and broadcast all supported. */
function selectMessageService(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CSMS: (0,1)')
  if (cmd.form === 'read') return replyOk(`+CSMS: ${ctx.state.sms.csms},1,1,1`)
  const service = readInt(cmd, 0, 0, 1)
  if (cmd.form !== 'write' || service === undefined || !hasArgCount(cmd, 1, 1)) return replyError()
  const problem = simProblemOf(ctx)
  if (problem !== undefined) return replyCms(problem)
  ctx.state.sms.csms = service as 0 | 1
  return replyOk('+CSMS: 1,1,1')
}

function setMessageFormat(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CMGF: (0-1)')
  if (cmd.form === 'read') return replyOk(`+CMGF: ${ctx.state.sms.cmgf}`)
  const mode = cmd.form === 'exec' ? 0 : readInt(cmd, 0, 0, 1)
  if (mode === undefined || !hasArgCount(cmd, 0, 1)) return replyError()
  ctx.state.sms.cmgf = mode as 0 | 1
  return replyOk()
}

function setCharacterSet(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test')
    return replyOk(
      `+CSCS: (${smsTraitsOf(ctx.profile)
        .characterSets.map(name => `"${name}"`)
        .join(',')})`,
    )
  if (cmd.form === 'read') return replyOk(`+CSCS: "${ctx.state.sms.cscs}"`)
  const name = readString(cmd, 0)?.toUpperCase()
  const set = CHARACTER_SETS.find(candidate => candidate === name)
  if (cmd.form !== 'write' || set === undefined || !hasArgCount(cmd, 1, 1)) return replyError()
  ctx.state.sms.cscs = set
  return replyOk()
}

function setServiceCentre(cmd: AtCommand, ctx: CommandContext): Reply {
  const { sms } = ctx.state
  if (cmd.form === 'test') return replyOk()
  if (cmd.form === 'read') return replyOk(`+CSCA: "${writeTeString(ctx.state, sms.sca.number)}",${sms.sca.type}`)
  const written = readString(cmd, 0)
  const number = written === undefined ? undefined : readTeString(ctx.state, written)
  if (cmd.form !== 'write' || number === undefined || !/^\+?[0-9]{0,20}$/.test(number) || !hasArgCount(cmd, 1, 2)) return replyError()
  const type = readOptionalInt(cmd, 1, 128, 255, describeAddress(number).type)
  if (type === undefined) return replyError()
  sms.sca = { number, type }
  return replyOk()
}

function countsOf(ctx: CommandContext, storage: SmsStorageName): string {
  return `${ctx.state.sms.stored[storage].size},${capacityOf(ctx, storage)}`
}

/** AT+CPMS: reading shows each storage with its used and total counts; writing answers the counts alone. */
function selectStorages(cmd: AtCommand, ctx: CommandContext): Reply {
  const { sms } = ctx.state
  const storages = smsTraitsOf(ctx.profile).storages
  const list = `(${storages.map(name => `"${name}"`).join(',')})`
  if (cmd.form === 'test') return replyOk(`+CPMS: ${list},${list},${list}`)
  const problem = simProblemOf(ctx)
  if (problem !== undefined) return cmd.form === 'exec' ? replyError() : replyCms(problem)
  if (cmd.form === 'read') return replyOk(`+CPMS: ${sms.storages.map(name => `"${name}",${countsOf(ctx, name)}`).join(',')}`)
  if (cmd.form !== 'write' || !hasArgCount(cmd, 1, 3)) return replyError()
  const chosen = cmd.args.map((_, index) => storages.find(name => name === readString(cmd, index)?.toUpperCase()))
  if (chosen.some(name => name === undefined)) return replyCms(CMS_ERROR.operationNotSupported)
  chosen.forEach((name, index) => {
    sms.storages[index] = name ?? sms.storages[index] ?? 'SM'
  })
  return replyOk(`+CPMS: ${sms.storages.map(name => countsOf(ctx, name)).join(',')}`)
}

/** AT+CNMI: how new messages are announced (mt 1 +CMTI, 2 and 3 +CMT) and status reports (ds 1 +CDS). */
function setNewMessageIndications(cmd: AtCommand, ctx: CommandContext): Reply {
  const ds = ctx.profile.behaviour.smsStatusReportIndication ? '(0-2)' : '(0,2)'
  if (cmd.form === 'test') return replyOk(`+CNMI: (0-2),(0-3),(0,2),${ds},(0,1)`)
  if (cmd.form === 'read') return replyOk(`+CNMI: ${ctx.state.sms.cnmi.join(',')}`)
  if (cmd.form !== 'write' || !hasArgCount(cmd, 1, 5)) return replyError()
  const old = ctx.state.sms.cnmi
  const ranges = [
    [0, 2],
    [0, 3],
    [0, 2],
    [0, 2],
    [0, 1],
  ] as const
  const values = ranges.map(([min, max], index) => readOptionalInt(cmd, index, min, max, old[index] ?? 0))
  const [mode, mt, bm, dsValue, bfr] = values
  const refused =
    values.some(value => value === undefined) || bm === 1 || (dsValue === 1 && !ctx.profile.behaviour.smsStatusReportIndication)
  if (refused) return replyCms(CMS_ERROR.operationNotSupported)
  ctx.state.sms.cnmi = [mode ?? 0, mt ?? 0, bm ?? 0, dsValue ?? 0, bfr ?? 0]
  // TS 27.005 §3.4.1 bfr 0: OK is given before the held indications are flushed (a URC printed here follows OK).
  releaseBuffered(ctx)
  return replyOk()
}

/** AT+CSMP: first octet, validity period, protocol identifier and data coding scheme of text-mode messages. */
function setTextModeParameters(cmd: AtCommand, ctx: CommandContext): Reply {
  const { csmp } = ctx.state.sms
  if (cmd.form === 'test') return replyOk()
  if (cmd.form === 'read') return replyOk(`+CSMP: ${csmp.fo},${csmp.vp},${csmp.pid},${csmp.dcs}`)
  if (cmd.form !== 'write' || !hasArgCount(cmd, 1, 4)) return replyError()
  const [fo, vp, pid, dcs] = [csmp.fo, csmp.vp, csmp.pid, csmp.dcs].map((old, index) => readOptionalInt(cmd, index, 0, 255, old))
  if (fo === undefined || vp === undefined || pid === undefined || dcs === undefined || (fo & 0x03) !== 1) return replyError()
  ctx.state.sms.csmp = { fo, vp, pid, dcs }
  return replyOk()
}

function showTextModeHeaders(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CSDH: (0,1)')
  if (cmd.form === 'read') return replyOk(`+CSDH: ${ctx.state.sms.csdh}`)
  const show = cmd.form === 'exec' ? 0 : readInt(cmd, 0, 0, 1)
  if (show === undefined || !hasArgCount(cmd, 0, 1)) return replyError()
  ctx.state.sms.csdh = show as 0 | 1
  return replyOk()
}

export const SMS_SETTINGS_HANDLERS: HandlerTable = {
  '+CSMS': selectMessageService,
  '+CMGF': setMessageFormat,
  '+CSCS': setCharacterSet,
  '+CSCA': setServiceCentre,
  '+CPMS': selectStorages,
  '+CNMI': setNewMessageIndications,
  '+CSMP': setTextModeParameters,
  '+CSDH': showTextModeHeaders,
}
