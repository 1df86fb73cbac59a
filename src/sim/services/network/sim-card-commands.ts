/** The SIM card's lock: AT+CPIN reads it, takes the PIN, or the PUK and a new PIN (3 PIN tries, 10 PUK tries). */
import { hasArgCount, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyCme, replyError, replyOk, type Reply } from '../../reply.js'
import { startRegistration } from './radio-commands.js'

const CME = { notAllowed: 3, simNotInserted: 10, pukRequired: 12, simWrong: 15, incorrectPassword: 16 } as const
const PIN_TRIES = 3
const PUK_TRIES = 10

function enterPin(cmd: AtCommand, ctx: CommandContext): Reply {
  const { state } = ctx
  if (cmd.form === 'test') return replyOk()
  if (!state.simPresent) return cmd.form === 'read' || cmd.form === 'write' ? replyCme(CME.simNotInserted) : replyError()
  if (cmd.form === 'read') return replyOk(`+CPIN: ${state.sim.lock}`)
  const code = readString(cmd, 0)
  const newPin = cmd.args.length > 1 ? readString(cmd, 1) : undefined
  if (cmd.form !== 'write' || code === undefined || !hasArgCount(cmd, 1, 2) || (cmd.args.length > 1 && newPin === undefined))
    return replyError()
  if (state.sim.lock === 'READY') return replyCme(CME.notAllowed)
  if (state.sim.lock === 'SIM PIN') return checkPin(ctx, code)
  if (newPin === undefined) return replyCme(CME.pukRequired)
  return checkPuk(ctx, code, newPin)
}

function checkPin(ctx: CommandContext, pin: string): Reply {
  const { sim } = ctx.state
  if (pin === sim.pin) return unlock(ctx)
  sim.pinTriesLeft -= 1
  if (sim.pinTriesLeft <= 0) sim.lock = 'SIM PUK'
  return replyCme(CME.incorrectPassword)
}

function checkPuk(ctx: CommandContext, puk: string, newPin: string): Reply {
  const { sim } = ctx.state
  if (sim.pukTriesLeft <= 0) return replyCme(CME.simWrong)
  if (puk !== sim.puk) {
    sim.pukTriesLeft -= 1
    return replyCme(CME.incorrectPassword)
  }
  sim.pin = newPin
  return unlock(ctx)
}

/** `OK`, then the lines a module prints once its SIM opens, then registration. */
function unlock(ctx: CommandContext): Reply {
  const { sim } = ctx.state
  sim.lock = 'READY'
  sim.pinTriesLeft = PIN_TRIES
  sim.pukTriesLeft = PUK_TRIES
  for (const line of ['+CPIN: READY', 'SMS DONE', 'PB DONE']) ctx.emitUrc(line)
  startRegistration(ctx)
  return replyOk()
}

export const SIM_CARD_HANDLERS: HandlerTable = {
  '+CPIN': enterPin,
}
