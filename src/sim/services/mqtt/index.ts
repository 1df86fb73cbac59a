/** The SIMCom MQTT(S) client (AT+CMQTT*), talking real MQTT to a real broker. */
import type { CommandHandler, HandlerTable, SimService } from '../../command-context.js'
import { replyError } from '../../reply.js'
import { MQTT_CLIENT_HANDLERS } from './mqtt-client.js'
import { MQTT_PUBLISH_HANDLERS } from './mqtt-publish.js'
import { MQTT_SERVICE_HANDLERS } from './mqtt-service.js'
import { MQTT_SESSION_HANDLERS } from './mqtt-session.js'
import { MQTT_SUBSCRIBE_HANDLERS } from './mqtt-subscribe.js'

/** A76XX manual 18.2.1: without AT+CMQTTSTART, the write and read forms of every other MQTT command return ERROR at once. */
function requireStarted(handler: CommandHandler): CommandHandler {
  return (cmd, ctx) => {
    const refused = ctx.profile.behaviour.mqttNeedsStart && !ctx.state.mqttStarted && (cmd.form === 'write' || cmd.form === 'read')
    return refused ? replyError() : handler(cmd, ctx)
  }
}

function guardAll(handlers: HandlerTable): HandlerTable {
  return Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, requireStarted(handler)]))
}

export const MQTT_SERVICE: SimService = {
  name: 'mqtt',
  handlers: {
    ...MQTT_SERVICE_HANDLERS,
    ...guardAll({
      ...MQTT_CLIENT_HANDLERS,
      ...MQTT_SESSION_HANDLERS,
      ...MQTT_PUBLISH_HANDLERS,
      ...MQTT_SUBSCRIBE_HANDLERS,
    }),
  },
}
