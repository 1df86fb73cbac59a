/** The socket service and its settings: AT+NETOPEN, AT+NETCLOSE, AT+IPADDR, AT+CIPHEAD, AT+CIPSRIP, AT+CIPMODE, AT+CDNSGIP. */
import { isIP } from 'node:net'
import { readInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import { IP_ERROR, IPCLOSE_REASON, TCPIP_ERR } from '../../../modem/families/simcom/tcpip-codes.js'
import type { CommandContext, CommandHandler, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { replyIpError } from './ip-error.js'
import type { TcpipState } from './tcpip-state.js'

function openNetwork(cmd: AtCommand, ctx: CommandContext): Reply {
  const { state } = ctx
  if (cmd.form === 'test') return replyOk()
  if (cmd.form === 'read') return replyOk(`+NETOPEN: ${state.netOpen ? 1 : 0}`)
  if (cmd.form !== 'exec') return replyError()
  if (state.netOpen) return replyIpError(IP_ERROR.networkAlreadyOpened)
  if (!state.simPresent || !state.networkUp) {
    ctx.emitUrc(`+NETOPEN: ${TCPIP_ERR.networkFailure}`)
    return replyOk()
  }
  state.netOpen = true
  state.activePdp.add(1)
  ctx.emitUrc(`+NETOPEN: ${TCPIP_ERR.ok}`)
  return replyOk()
}

/** Closes the service; links still open end as closed by the module (`+IPCLOSE: <link>,0`) before `+NETCLOSE: 0`. */
function closeNetwork(cmd: AtCommand, ctx: CommandContext): Reply {
  const { state } = ctx
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec') return replyError()
  if (!state.netOpen) return replyIpError(IP_ERROR.networkAlreadyClosed)
  state.links.forEach((link, linkNo) => {
    if (link === undefined) return
    link.socket?.destroy()
    state.links[linkNo] = undefined
    // A transparent link ends as AT+CIPCLOSE ends it (SIM7600 log: CLOSED, +CIPCLOSE: 0,0, then +NETCLOSE: 0).
    if (link.online === undefined) return ctx.emitUrc(`+IPCLOSE: ${linkNo},${IPCLOSE_REASON.local}`)
    ctx.endOnline(link.online, 'CLOSED')
    ctx.emitUrc(`+CIPCLOSE: ${linkNo},${TCPIP_ERR.ok}`)
  })
  state.netOpen = false
  ctx.emitUrc(`+NETCLOSE: ${TCPIP_ERR.ok}`)
  return replyOk()
}

function showIpAddress(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec') return replyError()
  if (!ctx.state.netOpen) return replyError('+IPADDR: Network not opened')
  return replyOk(`+IPADDR: ${ctx.profile.defaults.pdpAddress}`)
}

type Switch = 'showIpHeader' | 'showRemoteAddress'

/** A 0/1 setting: `=n` sets it, `?` reads it. */
function switchCommand(prefix: string, key: Switch): CommandHandler {
  return (cmd, ctx) => {
    if (cmd.form === 'test') return replyOk(`${prefix}: (0-1)`)
    if (cmd.form === 'read') return replyOk(`${prefix}: ${ctx.state[key] ? 1 : 0}`)
    const value = readInt(cmd, 0, 0, 1)
    if (cmd.form !== 'write' || value === undefined || cmd.args.length !== 1) return replyError()
    ;(ctx.state as TcpipState)[key] = value === 1
    return replyOk()
  }
}

/** 0 non-transparent, 1 transparent mode; the mode is chosen before AT+NETOPEN and holds until AT+NETCLOSE. */
function setApplicationMode(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+CIPMODE: (0-1)')
  if (cmd.form === 'read') return replyOk(`+CIPMODE: ${ctx.state.transparent ? 1 : 0}`)
  const mode = readInt(cmd, 0, 0, 1)
  if (cmd.form !== 'write' || mode === undefined || cmd.args.length !== 1) return replyError()
  if (ctx.state.netOpen) return replyError()
  ctx.state.transparent = mode === 1
  return replyOk()
}

/** The simulator never looks names up: loopback names and IP literals resolve, every other name fails (10). */
function resolveDomainName(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  const name = readString(cmd, 0)
  if (cmd.form !== 'write' || name === undefined || name === '') return replyError()
  const address = isIP(name) !== 0 ? name : name.toLowerCase() === 'localhost' ? '127.0.0.1' : undefined
  if (address === undefined) {
    ctx.note(`AT+CDNSGIP: the simulator does not look up "${name}"`)
    return replyError('+CDNSGIP: 0,10')
  }
  return replyOk(`+CDNSGIP: 1,"${name}","${address}"`)
}

export const TCPIP_NET_HANDLERS: HandlerTable = {
  '+NETOPEN': openNetwork,
  '+NETCLOSE': closeNetwork,
  '+IPADDR': showIpAddress,
  '+CIPHEAD': switchCommand('+CIPHEAD', 'showIpHeader'),
  '+CIPSRIP': switchCommand('+CIPSRIP', 'showRemoteAddress'),
  '+CIPMODE': setApplicationMode,
  '+CDNSGIP': resolveDomainName,
}
