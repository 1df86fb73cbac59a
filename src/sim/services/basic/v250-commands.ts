/** V.250 settings: ATZ, AT&F, ATV, ATQ, the S-parameters S3/S4/S5, AT+GCAP and AT+CLAC. */
import { hasArgCount, readInt, type AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { replyError, replyOk, type Reply } from '../../reply.js'
import { createBasicState } from './basic-state.js'

/** ATZ and AT&F: the module keeps no stored profile (no AT&W), so both restore the factory settings. */
function restoreDefaults(cmd: AtCommand, ctx: CommandContext): Reply {
  const value = cmd.form === 'exec' ? 0 : readInt(cmd, 0, 0, 0)
  if (value === undefined) return replyError()
  Object.assign(ctx.state, createBasicState(ctx.profile))
  return replyOk()
}

/** A letter command taking 0 or 1 (ATV, ATQ); the answer is framed by the new setting. */
function toggleCommand(apply: (ctx: CommandContext, on: boolean) => void): (cmd: AtCommand, ctx: CommandContext) => Reply {
  return (cmd, ctx) => {
    const value = cmd.form === 'exec' ? 0 : readInt(cmd, 0, 0, 1)
    if (value === undefined) return replyError()
    apply(ctx, value === 1)
    return replyOk()
  }
}

type SKey = 's3' | 's4' | 's5'

/** `ATSn?` reads the value as three digits (V.250 5.3.2), `ATSn=<v>` sets it (0..127). */
function sParameter(key: SKey): (cmd: AtCommand, ctx: CommandContext) => Reply {
  return (cmd, ctx) => {
    if (cmd.form === 'read') return replyOk(String(ctx.state[key]).padStart(3, '0'))
    const value = readInt(cmd, 0, 0, 127)
    if (cmd.form !== 'write' || value === undefined || !hasArgCount(cmd, 1, 1)) return replyError()
    ctx.state[key] = value
    return replyOk()
  }
}

function showCapabilities(cmd: AtCommand): Reply {
  if (cmd.form === 'test') return replyOk()
  return cmd.form === 'exec' ? replyOk('+GCAP: +CGSM') : replyError()
}

/** AT+CLAC: every command the module answers, one per line. */
function listCommands(cmd: AtCommand, ctx: CommandContext): Reply {
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec') return replyError()
  return replyOk(...ctx.commandNames.filter(name => name !== '').map(name => `AT${name}`))
}

export const V250_HANDLERS: HandlerTable = {
  Z: restoreDefaults,
  '&F': restoreDefaults,
  '&F0': restoreDefaults,
  V: toggleCommand((ctx, on) => (ctx.state.verbose = on)),
  Q: toggleCommand((ctx, on) => (ctx.state.quiet = on)),
  S3: sParameter('s3'),
  S4: sParameter('s4'),
  S5: sParameter('s5'),
  '+GCAP': showCapabilities,
  '+CLAC': listCommands,
}
