/**
 * The phone side of the module that hosts probe before messaging (3GPP TS 27.007): AT+CHUP, AT+CLIP, AT+CRC, AT+CCWA, AT+CUSD,
 * the phonebook storages of AT+CPBS and AT+CPBR and the supply voltage of AT+CBC. There are no calls or entries to show.
 */
import { hasArgCount, readInt, readString, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyCme, replyError, replyOk, type Reply } from '../../reply.js'

const CME_SIM_NOT_INSERTED = 10
const CME_INVALID_INDEX = 21
/** Phonebook storages and how many entries each holds (27.007 §8.11: SIM, phone, fixed dialling, own numbers, call lists). */
const PHONEBOOKS: Readonly<Record<string, number>> = { SM: 250, ME: 100, FD: 10, ON: 4, LD: 10, MC: 10, RC: 10, DC: 10 }

/** AT+CHUP with no call in progress: nothing to hang up, OK. */
function hangUp(cmd: AtCommand): Reply {
  return cmd.form === 'exec' || cmd.form === 'test' ? replyOk() : replyError()
}

/** A `<n>` setting of 0 or 1 read back as `<prefix>: <n>` and the fixed `suffix` (AT+CLIP adds its `<m>`). */
function switchCommand(prefix: string, key: 'clip' | 'cusd' | 'crc' | 'ccwa', suffix = ''): (cmd: AtCommand, ctx: CommandContext) => Reply {
  return (cmd, ctx) => {
    if (cmd.form === 'test') return replyOk(`${prefix}: (0,1)`)
    if (cmd.form === 'read') return replyOk(`${prefix}: ${ctx.state[key]}${suffix}`)
    const n = cmd.form === 'exec' ? 0 : readInt(cmd, 0, 0, 1)
    if (n === undefined || !hasArgCount(cmd, 0, 1)) return replyError()
    ctx.state[key] = n as 0 | 1
    return replyOk()
  }
}

function selectPhonebook(cmd: AtCommand, ctx: CommandContext): Reply {
  const names = Object.keys(PHONEBOOKS)
  if (cmd.form === 'test') return replyOk(`+CPBS: (${names.map(name => `"${name}"`).join(',')})`)
  if (!ctx.state.simPresent) return replyCme(CME_SIM_NOT_INSERTED)
  if (cmd.form === 'read') return replyOk(`+CPBS: "${ctx.state.phonebook}",0,${PHONEBOOKS[ctx.state.phonebook] ?? 0}`)
  const name = readString(cmd, 0)?.toUpperCase()
  if (cmd.form !== 'write' || name === undefined || !names.includes(name) || !hasArgCount(cmd, 1, 2)) return replyError()
  ctx.state.phonebook = name
  return replyOk()
}

/** AT+CPBR: index range, number and text lengths; every storage is empty, so a read lists nothing. */
function readPhonebook(cmd: AtCommand, ctx: CommandContext): Reply {
  const size = PHONEBOOKS[ctx.state.phonebook] ?? 0
  if (!ctx.state.simPresent) return replyCme(CME_SIM_NOT_INSERTED)
  if (cmd.form === 'test') return replyOk(`+CPBR: (1-${size}),40,18`)
  const first = readInt(cmd, 0, 1, size)
  const last = cmd.args.length > 1 ? readInt(cmd, 1, 1, size) : first
  if (cmd.form !== 'write' || first === undefined || last === undefined || !hasArgCount(cmd, 1, 2)) return replyCme(CME_INVALID_INDEX)
  return replyOk()
}

/**
 * AT+CBC in the profile's form: SIMCom answers the supply voltage alone (`+CBC: 3.900V`), not 27.007's charge status
 * and level; Quectel answers 27.007's `<bcs>,<bcl>` and the voltage in mV (not charging, 80 %, 3.9 V here).
 */
function showSupplyVoltage(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec') return replyError()
  return replyOk(ctx.profile.behaviour.batteryAnswer === 'charge-and-mv' ? '+CBC: 0,80,3900' : '+CBC: 3.900V')
}

export const PHONE_HANDLERS: HandlerTable = {
  '+CHUP': hangUp,
  '+CLIP': switchCommand('+CLIP', 'clip', ',1'),
  '+CUSD': switchCommand('+CUSD', 'cusd'),
  '+CPBS': selectPhonebook,
  '+CPBR': readPhonebook,
  '+CRC': switchCommand('+CRC', 'crc'),
  '+CCWA': switchCommand('+CCWA', 'ccwa'),
  '+CBC': showSupplyVoltage,
}
