/** AT+CMQTTSTART / AT+CMQTTSTOP: the MQTT service, which needs the network and the PDP context. */
import type { AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { MQTT_ERR } from '../../../modem/families/simcom/mqtt-codes.js'
import { replyError, replyOk, type Reply } from '../../reply.js'

/** OK with the service's result line where the profile puts it: before OK as a response line, or after it as a URC. */
function replyWithResult(ctx: CommandContext, line: string): Reply {
  if (ctx.profile.behaviour.mqttServiceResult === 'before-ok') return replyOk(line)
  ctx.emitUrc(line)
  return replyOk()
}

function startService(cmd: AtCommand, ctx: CommandContext): Reply {
  const { state } = ctx
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec') return replyError()
  if (state.mqttStarted)
    return ctx.profile.behaviour.mqttStartTwice === 'coded' ? replyError(`+CMQTTSTART: ${MQTT_ERR.networkOpened}`) : replyError()
  if (!state.simPresent || !state.networkUp) return replyWithResult(ctx, `+CMQTTSTART: ${MQTT_ERR.networkOpenFailed}`)
  state.mqttStarted = true
  state.activePdp.add(1)
  return replyWithResult(ctx, `+CMQTTSTART: ${MQTT_ERR.ok}`)
}

function stopService(cmd: AtCommand, ctx: CommandContext): Reply {
  const { state } = ctx
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec' || !state.mqttStarted) return replyError()
  if (state.clients.some(slot => slot !== undefined)) return replyError(`+CMQTTSTOP: ${MQTT_ERR.clientNotReleased}`)
  state.mqttStarted = false
  const reply = replyWithResult(ctx, `+CMQTTSTOP: ${MQTT_ERR.ok}`)
  // The seed's trace (a real module) shows the service going down also reports the network as closed.
  if (ctx.profile.behaviour.mqttNonetAfterStop) ctx.emitUrc('+CMQTTNONET')
  return reply
}

export const MQTT_SERVICE_HANDLERS: HandlerTable = {
  '+CMQTTSTART': startService,
  '+CMQTTSTOP': stopService,
}
