/** What every service sees when the network goes: sessions and sockets end, PDP contexts are gone. */
import { CONNLOST_CAUSE } from '../modem/families/simcom/mqtt-codes.js'
import type { CommandContext } from './command-context.js'
import { dropAllSessions } from './services/mqtt/mqtt-session.js'
import { loseTcpipNetwork } from './services/tcpip/tcpip-events.js'

/** Each MQTT session ends with +CMQTTCONNLOST (cause 3), open sockets close, a running MQTT service reports +CMQTTNONET. */
export function loseNetworkServices(ctx: CommandContext): void {
  const { state } = ctx
  state.networkUp = false
  dropAllSessions(ctx, CONNLOST_CAUSE.networkClosed)
  loseTcpipNetwork(ctx)
  state.activePdp.clear()
  if (!state.mqttStarted) return
  state.mqttStarted = false
  ctx.emitUrc('+CMQTTNONET')
}
