/**
 * PDP contexts for the TCP/IP stack: AT+QICSGP configures one (`+QICSGP: <type>,"<APN>","<user>","<pass>",<auth>`
 * when read), AT+QIACT activates it (`+QIACT: <cid>,<state>,<type>,"<ip>"` when read), AT+QIDEACT deactivates it
 * and closes its sockets. The contexts are the network service's: AT+CGDCONT and AT+QICSGP write the same ones.
 */
import { readInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { readTraits } from '../../profiles/read-quectel-traits.js'
import { closeLinksOf } from './qtcpip-events.js'

const TYPES: ReadonlyMap<number, string> = new Map([
  [1, 'IP'],
  [2, 'IPV6'],
  [3, 'IPV4V6'],
])

function readCid(cmd: AtCommand, ctx: CommandContext): number | undefined {
  return readInt(cmd, 0, 1, readTraits(ctx.profile).tcpip.contexts)
}

function typeNumberOf(type: string): number {
  return [...TYPES].find(([, name]) => name === type.toUpperCase())?.[0] ?? 1
}

function configureContext(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+QICSGP: (1-16),(1-3),"APN","USERNAME","PASSWORD",(0-3)')
  const cid = readCid(cmd, ctx)
  if (cmd.form !== 'write' || cid === undefined) return replyError()
  if (cmd.args.length === 1) {
    const pdp = ctx.state.pdp.get(cid)
    return replyOk(`+QICSGP: ${pdp === undefined ? 1 : typeNumberOf(pdp.type)},"${pdp?.apn ?? ''}","","",0`)
  }
  const type = TYPES.get(readInt(cmd, 1, 1, 3) ?? 0)
  const apn = readString(cmd, 2)
  const credentialsOk = [3, 4].every(at => cmd.args.length <= at || readString(cmd, at) !== undefined)
  const authOk = cmd.args.length <= 5 || readInt(cmd, 5, 0, 3) !== undefined
  if (type === undefined || apn === undefined || !credentialsOk || !authOk || cmd.args.length > 6 || cmd.args.length === 4)
    return replyError()
  ctx.state.pdp.set(cid, { type, apn })
  return replyOk()
}

function activateContext(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+QIACT: (1-16)')
  if (cmd.form === 'read') {
    const address = ctx.profile.defaults.pdpAddress
    const lines = [...ctx.state.activePdp]
      .sort((a, b) => a - b)
      .map(cid => `+QIACT: ${cid},1,${typeNumberOf(ctx.state.pdp.get(cid)?.type ?? 'IP')},"${address}"`)
    return replyOk(...lines)
  }
  const cid = readCid(cmd, ctx)
  if (cmd.form !== 'write' || cid === undefined || cmd.args.length !== 1 || !ctx.state.networkUp) return replyError()
  ctx.state.activePdp.add(cid)
  return replyOk()
}

function deactivateContext(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk('+QIDEACT: (1-16)')
  const cid = readCid(cmd, ctx)
  if (cmd.form !== 'write' || cid === undefined || cmd.args.length !== 1) return replyError()
  closeLinksOf(ctx, cid)
  ctx.state.activePdp.delete(cid)
  return replyOk()
}

export const QTCPIP_CONTEXT_HANDLERS: HandlerTable = {
  '+QICSGP': configureContext,
  '+QIACT': activateContext,
  '+QIDEACT': deactivateContext,
}
