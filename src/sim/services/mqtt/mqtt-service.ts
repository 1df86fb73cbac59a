/** AT+CMQTTSTART / AT+CMQTTSTOP: the MQTT service, which needs the network and the PDP context. */
import type { AtCommand } from '../../../modem/at-command-line.js'
import type { CommandContext, HandlerTable } from '../../command-context.js'
import { MQTT_ERR } from '../../../modem/families/simcom/mqtt-codes.js'
import { replyError, replyOk, type Reply } from '../../reply.js'

function startService(cmd: AtCommand, ctx: CommandContext): Reply {
  const { state } = ctx
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec') return replyError()
  if (state.mqttStarted) return replyError(`+CMQTTSTART: ${MQTT_ERR.networkOpened}`)
  if (!state.simPresent || !state.networkUp) {
    ctx.emitUrc(`+CMQTTSTART: ${MQTT_ERR.networkOpenFailed}`)
    return replyOk()
  }
  state.mqttStarted = true
  state.activePdp.add(1)
  ctx.emitUrc(`+CMQTTSTART: ${MQTT_ERR.ok}`)
  return replyOk()
}

function stopService(cmd: AtCommand, ctx: CommandContext): Reply {
  const { state } = ctx
  if (cmd.form === 'test') return replyOk()
  if (cmd.form !== 'exec' || !state.mqttStarted) return replyError()
  if (state.clients.some(slot => slot !== undefined)) return replyError(`+CMQTTSTOP: ${MQTT_ERR.clientNotReleased}`)
  state.mqttStarted = false
  ctx.emitUrc(`+CMQTTSTOP: ${MQTT_ERR.ok}`)
  // The seed's trace (a real module) shows the service going down also reports the network as closed.
  ctx.emitUrc('+CMQTTNONET')
  return replyOk()
}

export const MQTT_SERVICE_HANDLERS: HandlerTable = {
  '+CMQTTSTART': startService,
  '+CMQTTSTOP': stopService,
}
