/** The SIMCom MQTT(S) client (AT+CMQTT*), talking real MQTT to a real broker. */
import type { SimService } from '../../command-context.js'
import { MQTT_CLIENT_HANDLERS } from './mqtt-client.js'
import { MQTT_PUBLISH_HANDLERS } from './mqtt-publish.js'
import { MQTT_SERVICE_HANDLERS } from './mqtt-service.js'
import { MQTT_SESSION_HANDLERS } from './mqtt-session.js'
import { MQTT_SUBSCRIBE_HANDLERS } from './mqtt-subscribe.js'

export const MQTT_SERVICE: SimService = {
  name: 'mqtt',
  handlers: {
    ...MQTT_SERVICE_HANDLERS,
    ...MQTT_CLIENT_HANDLERS,
    ...MQTT_SESSION_HANDLERS,
    ...MQTT_PUBLISH_HANDLERS,
    ...MQTT_SUBSCRIBE_HANDLERS,
  },
}
