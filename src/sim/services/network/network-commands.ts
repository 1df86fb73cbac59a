/** SIM, signal, registration and packet data: AT+CPIN, AT+CSQ, AT+CREG/CGREG/CEREG, AT+CGDCONT, AT+CGACT, AT+CGATT, AT+CGPADDR, AT+CPSI. */
import { hasArgCount, readInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import type { ModemState } from '../../modem-state.js'
import { registrationStatus } from './network-state.js'
import { describeRegistration, startRegistration } from './radio-commands.js'
import { replyCme, replyError, replyOk, type Reply } from '../../reply.js'

const CME_SIM_NOT_INSERTED = 10
const CME_NO_NETWORK = 30
const PDP_CIDS = { min: 1, max: 15 }

function showSignalQuality(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CSQ: (0-31,99),(0-7,99)')
  if (cmd.form !== 'exec') return replyError()
  const rssi = ctx.state.networkUp ? ctx.state.rssi : 99
  const ber = ctx.state.networkUp ? ctx.state.ber : 99
  return replyOk(`+CSQ: ${rssi},${ber}`)
}

type RegistrationKey = 'creg' | 'cgreg' | 'cereg'

/** AT+CREG / AT+CGREG / AT+CEREG: `=n` sets the report mode, `?` reads `<n>,<stat>`. */
function registrationCommand(prefix: string, key: RegistrationKey): (cmd: AtCommand, ctx: CommandContext) => Reply {
  return (cmd, ctx) => {
    if (cmd.form === 'test') return replyOk(`${prefix}: (0-2)`)
    if (cmd.form === 'read') {
      const n = ctx.state[key]
      return replyOk(describeRegistration(prefix, n, registrationStatus(ctx.state)).replace(': ', `: ${n},`))
    }
    const n = cmd.form === 'exec' ? 0 : readInt(cmd, 0, 0, 2)
    if (n === undefined || !hasArgCount(cmd, 0, 1)) return replyError()
    ctx.state[key] = n
    return replyOk()
  }
}

function definePdpContext(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test')
    return replyOk(
      `+CGDCONT: (${PDP_CIDS.min}-${PDP_CIDS.max}),"IP",,,(0-2),(0-4)`,
      `+CGDCONT: (${PDP_CIDS.min}-${PDP_CIDS.max}),"IPV6",,,(0-2),(0-4)`,
      `+CGDCONT: (${PDP_CIDS.min}-${PDP_CIDS.max}),"IPV4V6",,,(0-2),(0-4)`,
    )
  if (cmd.form === 'read') return replyOk(...listPdpContexts(ctx.state, ctx.profile.defaults.pdpAddress))
  const cid = readInt(cmd, 0, PDP_CIDS.min, PDP_CIDS.max)
  if (cmd.form !== 'write' || cid === undefined) return replyError()
  if (cmd.args.length === 1) return deletePdpContext(ctx.state, cid)
  const type = readString(cmd, 1)
  const apn = cmd.args.length > 2 ? readString(cmd, 2) : ''
  if (type === undefined || apn === undefined || !['IP', 'IPV6', 'IPV4V6'].includes(type.toUpperCase())) return replyError()
  ctx.state.pdp.set(cid, { type: type.toUpperCase(), apn })
  return replyOk()
}

function deletePdpContext(state: ModemState, cid: number): Reply {
  if (state.activePdp.has(cid)) return replyError()
  state.pdp.delete(cid)
  return replyOk()
}

function listPdpContexts(state: ModemState, activeAddress: string): string[] {
  return [...state.pdp.entries()]
    .sort(([a], [b]) => a - b)
    .map(([cid, pdp]) => `+CGDCONT: ${cid},"${pdp.type}","${pdp.apn}","${state.activePdp.has(cid) ? activeAddress : '0.0.0.0'}",0,0`)
}

function activatePdpContext(cmd: AtCommand, ctx: CommandContext): Reply {
  const { state } = ctx
  if (cmd.form === 'test') return replyOk('+CGACT: (0,1)')
  if (cmd.form === 'read')
    return replyOk(...[...state.pdp.keys()].sort((a, b) => a - b).map(cid => `+CGACT: ${cid},${state.activePdp.has(cid) ? 1 : 0}`))
  const active = readInt(cmd, 0, 0, 1)
  const cid = cmd.args.length > 1 ? readInt(cmd, 1, PDP_CIDS.min, PDP_CIDS.max) : 1
  if (cmd.form !== 'write' || active === undefined || cid === undefined || !hasArgCount(cmd, 1, 2)) return replyError()
  if (!state.pdp.has(cid)) return replyCme(3)
  if (active === 0) {
    state.activePdp.delete(cid)
    return replyOk()
  }
  if (!state.simPresent) return replyCme(CME_SIM_NOT_INSERTED)
  if (!state.networkUp) return replyCme(CME_NO_NETWORK)
  state.activePdp.add(cid)
  return replyOk()
}

/** AT+CGATT: 0 detaches (PDP contexts and every service's sessions go, as on a lost network), 1 attaches again. */
function setAttachState(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CGATT: (0,1)')
  if (cmd.form === 'read') return replyOk(`+CGATT: ${ctx.state.networkUp && ctx.state.simPresent ? 1 : 0}`)
  const attach = readInt(cmd, 0, 0, 1)
  if (cmd.form !== 'write' || attach === undefined || !hasArgCount(cmd, 1, 1)) return replyError()
  if (!ctx.state.simPresent) return replyCme(CME_SIM_NOT_INSERTED)
  if (attach === 0) {
    ctx.state.psAttached = false
    if (ctx.state.networkUp) ctx.loseNetwork()
    return replyOk()
  }
  ctx.state.psAttached = true
  if (!ctx.state.coverage) return replyCme(CME_NO_NETWORK)
  startRegistration(ctx)
  return replyOk()
}

function showPdpAddress(cmd: AtCommand, ctx: CommandContext): Reply {
  const active = [...ctx.state.activePdp].sort((a, b) => a - b)
  if (cmd.form === 'test') return replyOk(`+CGPADDR: (${active.join(',')})`)
  const cids = cmd.form === 'exec' ? active : [readInt(cmd, 0, PDP_CIDS.min, PDP_CIDS.max)]
  if (cids.some(cid => cid === undefined || !ctx.state.pdp.has(cid))) return replyError()
  return replyOk(...cids.map(cid => `+CGPADDR: ${cid},${ctx.state.activePdp.has(cid ?? 0) ? ctx.profile.defaults.pdpAddress : '0.0.0.0'}`))
}

function showSystemInformation(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form !== 'read') return cmd.form === 'test' ? replyOk() : replyError()
  if (!ctx.state.simPresent || !ctx.state.networkUp) return replyOk('+CPSI: NO SERVICE,Online')
  const rsrp = -140 + Math.round(ctx.state.rssi * 2)
  return replyOk(`+CPSI: LTE,Online,001-01,0x333C,39589680,308,EUTRAN-BAND3,1350,5,5,-94,${rsrp},-64,14`)
}

export const NETWORK_HANDLERS: HandlerTable = {
  '+CSQ': showSignalQuality,
  '+CREG': registrationCommand('+CREG', 'creg'),
  '+CGREG': registrationCommand('+CGREG', 'cgreg'),
  '+CEREG': registrationCommand('+CEREG', 'cereg'),
  '+CGDCONT': definePdpContext,
  '+CGACT': activatePdpContext,
  '+CGATT': setAttachState,
  '+CGPADDR': showPdpAddress,
  '+CPSI': showSystemInformation,
}
