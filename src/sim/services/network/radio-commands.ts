/** The radio and registration: AT+CFUN, AT+COPS, AT+CESQ, AT+CNMP, AT+CNSMOD, AT+CCLK, and the +CREG/+CGREG/+CEREG URCs. */
import { hasArgCount, readInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { canRegister, registrationStatus } from './network-state.js'

const LAC = '333C'
const CELL_ID = '25C5D10'
/** Preferred modes AT+CNMP accepts: 2 automatic, 13 GSM only, 14 WCDMA only, 38 LTE only. */
const CNMP_MODES = [2, 13, 14, 38]
/** AT+CNSMOD's system mode for LTE. */
const CNSMOD_LTE = 8

/** The +CREG/+CGREG/+CEREG line for report mode `n` (1: status, 2: with location). */
export function describeRegistration(prefix: string, n: number, stat: number): string {
  if (n < 2 || (stat !== 1 && stat !== 5)) return `${prefix}: ${stat}`
  return prefix === '+CEREG' ? `${prefix}: ${stat},"${LAC}","${CELL_ID}",7` : `${prefix}: ${stat},"${LAC}","${CELL_ID}"`
}

/**
 * Prints the registration URCs of every report mode that asks for them when the status changed since the last
 * report (27.007 §7.2, §10.1.19, §10.1.22: "when there is a change in the MT's ... registration status").
 */
export function reportRegistrationChange(ctx: CommandContext): void {
  const stat = registrationStatus(ctx.state)
  if (stat === ctx.state.reportedStat) return
  ctx.state.reportedStat = stat
  for (const [prefix, n] of [
    ['+CREG', ctx.state.creg],
    ['+CGREG', ctx.state.cgreg],
    ['+CEREG', ctx.state.cereg],
  ] as const)
    if (n > 0) ctx.emitUrc(describeRegistration(prefix, n, stat))
}

/** Coverage or the SIM is back: registered at once if the module may register, and reported if that changed. */
export function regainNetwork(ctx: CommandContext): void {
  ctx.state.networkUp = canRegister(ctx.state)
  reportRegistrationChange(ctx)
}

/** Searching (2) now, registered (1) after the profile's registration time. */
export function startRegistration(ctx: CommandContext): void {
  if (!canRegister(ctx.state) || ctx.state.networkUp) return
  ctx.state.searching = true
  reportRegistrationChange(ctx)
  ctx.after(ctx.profile.defaults.registrationMs, () => {
    ctx.state.searching = false
    if (!canRegister(ctx.state)) return
    ctx.state.networkUp = true
    reportRegistrationChange(ctx)
  })
}

/** The network service's own loss hook reports the new status while the services end their links. */
function leaveNetwork(ctx: CommandContext): void {
  ctx.state.searching = false
  ctx.loseNetwork()
}

function setFunctionality(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CFUN: (0,1,4),(0-1)')
  if (cmd.form === 'read') return replyOk(`+CFUN: ${ctx.state.cfun}`)
  const fun = readInt(cmd, 0, 0, 4)
  const reset = cmd.args.length > 1 ? readInt(cmd, 1, 0, 1) : 0
  if (cmd.form !== 'write' || fun === undefined || reset === undefined || ![0, 1, 4].includes(fun) || !hasArgCount(cmd, 1, 2))
    return replyError()
  if (reset === 1) {
    ctx.scheduleReboot()
    return replyOk()
  }
  ctx.state.cfun = fun as 0 | 1 | 4
  if (fun === 1) startRegistration(ctx)
  else leaveNetwork(ctx)
  return replyOk()
}

function selectOperator(cmd: AtCommand, ctx: CommandContext): Reply {
  const op = ctx.profile.defaults.operator
  if (cmd.form === 'test') return replyOk(`+COPS: (2,"${op.long}","${op.short}","${op.numeric}",7),,(0-4),(0-2)`)
  const { copsFormat } = ctx.state
  const name = [op.long, op.short, op.numeric][copsFormat]
  if (cmd.form === 'read')
    return replyOk(ctx.state.networkUp ? `+COPS: ${ctx.state.copsMode},${copsFormat},"${name}",7` : `+COPS: ${ctx.state.copsMode}`)
  const mode = readInt(cmd, 0, 0, 3)
  if (mode === 3) return setOperatorFormat(cmd, ctx)
  if (cmd.form !== 'write' || (mode !== 0 && mode !== 2) || !hasArgCount(cmd, 1, 1)) return replyError()
  ctx.state.copsMode = mode
  if (mode === 0) startRegistration(ctx)
  else leaveNetwork(ctx)
  return replyOk()
}

/** AT+COPS=3,<format>: only how the operator is shown changes (27.007 §7.3). */
function setOperatorFormat(cmd: AtCommand, ctx: CommandContext): Reply {
  const format = readInt(cmd, 1, 0, 2)
  if (format === undefined || !hasArgCount(cmd, 2, 2)) return replyError()
  ctx.state.copsFormat = format as 0 | 1 | 2
  return replyOk()
}

/** AT+CESQ on LTE: RSRQ and RSRP indexes (27.007 8.69), everything else unknown. */
function showExtendedSignal(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CESQ: (0-63,99),(0-7,99),(0-96,255),(0-49,255),(0-34,255),(0-97,255)')
  if (cmd.form !== 'exec') return replyError()
  if (!ctx.state.networkUp) return replyOk('+CESQ: 99,99,255,255,255,255')
  // the same RSRP AT+CPSI reports (-140 + 2 * rssi dBm) as a 27.007 index (dBm + 141)
  return replyOk(`+CESQ: 99,99,255,255,20,${Math.min(97, 1 + Math.round(ctx.state.rssi * 2))}`)
}

function setNetworkMode(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk(`+CNMP: (${CNMP_MODES.join(',')})`)
  if (cmd.form === 'read') return replyOk(`+CNMP: ${ctx.state.cnmp}`)
  const mode = readInt(cmd, 0, 0, 255)
  if (cmd.form !== 'write' || mode === undefined || !CNMP_MODES.includes(mode) || !hasArgCount(cmd, 1, 1)) return replyError()
  ctx.state.cnmp = mode
  return replyOk()
}

function showSystemMode(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CNSMOD: (0-1)')
  if (cmd.form === 'read') return replyOk(`+CNSMOD: 0,${ctx.state.networkUp ? CNSMOD_LTE : 0}`)
  return cmd.form === 'write' && readInt(cmd, 0, 0, 0) !== undefined ? replyOk() : replyError()
}

function setClock(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  if (cmd.form === 'read') return replyOk(`+CCLK: "${formatClock(Date.now() + ctx.state.clockOffsetMs, ctx.state.clockZoneQh)}"`)
  const text = readString(cmd, 0)
  const at = text === undefined ? undefined : parseClock(text)
  if (cmd.form !== 'write' || at === undefined || !hasArgCount(cmd, 1, 1)) return replyError()
  ctx.state.clockOffsetMs = at.utcMs - Date.now()
  ctx.state.clockZoneQh = at.zoneQh
  return replyOk()
}

/** `yy/MM/dd,hh:mm:ss±zz`: local time in the zone last set, given in quarter hours. */
function formatClock(utcMs: number, zoneQh: number): string {
  const d = new Date(utcMs + zoneQh * 15 * 60_000)
  const two = (n: number): string => String(n).padStart(2, '0')
  const date = `${two(d.getUTCFullYear() % 100)}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}`
  const zone = `${zoneQh < 0 ? '-' : '+'}${two(Math.abs(zoneQh))}`
  return `${date},${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}${zone}`
}

function parseClock(text: string): { utcMs: number; zoneQh: number } | undefined {
  const m = /^(\d\d)\/(\d\d)\/(\d\d),(\d\d):(\d\d):(\d\d)([+-]\d\d)$/.exec(text)
  if (m === null) return undefined
  const [yy, mo, dd, hh, mi, ss, zz] = m.slice(1).map(Number) as [number, number, number, number, number, number, number]
  if (mo < 1 || mo > 12 || dd < 1 || dd > 31 || hh > 23 || mi > 59 || ss > 59 || Math.abs(zz) > 96) return undefined
  return { utcMs: Date.UTC(2000 + yy, mo - 1, dd, hh, mi, ss) - zz * 15 * 60_000, zoneQh: zz }
}

export const RADIO_HANDLERS: HandlerTable = {
  '+CFUN': setFunctionality,
  '+COPS': selectOperator,
  '+CESQ': showExtendedSignal,
  '+CNMP': setNetworkMode,
  '+CNSMOD': showSystemMode,
  '+CCLK': setClock,
}
