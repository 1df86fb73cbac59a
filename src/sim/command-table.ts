/** All command handlers of the SIMCom profiles, by command name. */
import type { HandlerTable } from './command-context.js'
import { BASIC_HANDLERS } from './commands/basic.js'
import { MQTT_CLIENT_HANDLERS } from './commands/mqtt-client.js'
import { MQTT_PUBLISH_HANDLERS } from './commands/mqtt-publish.js'
import { MQTT_SERVICE_HANDLERS } from './commands/mqtt-service.js'
import { MQTT_SESSION_HANDLERS } from './commands/mqtt-session.js'
import { MQTT_SUBSCRIBE_HANDLERS } from './commands/mqtt-subscribe.js'
import { NETWORK_HANDLERS } from './commands/network.js'
import { SSL_HANDLERS } from './commands/ssl.js'

export const SIMCOM_HANDLERS: HandlerTable = {
  ...BASIC_HANDLERS,
  ...NETWORK_HANDLERS,
  ...SSL_HANDLERS,
  ...MQTT_SERVICE_HANDLERS,
  ...MQTT_CLIENT_HANDLERS,
  ...MQTT_SESSION_HANDLERS,
  ...MQTT_PUBLISH_HANDLERS,
  ...MQTT_SUBSCRIBE_HANDLERS,
}
