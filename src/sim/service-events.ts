/**
 * What the running services do when the radio link goes or the modem powers down, in the order the modules print
 * it: MQTT sessions end (+CMQTTCONNLOST), sockets and TLS sessions close (+CIPEVENT, +CCH: CCH STOP), the PDP
 * contexts go, and the MQTT service reports +CMQTTNONET last. A newer service ends its links through its own `loseNetwork` / `powerDown` hooks.
 */
import { CONNLOST_CAUSE } from '../modem/families/simcom/mqtt-codes.js'
import type { CommandContext, SimService } from './command-context.js'
import { closeFtpSession } from './services/ftp/ftp-session-commands.js'
import { closeHttpSession, loseHttpNetwork } from './services/http/http-action-commands.js'
import { dropAllSessions } from './services/mqtt/mqtt-session.js'
import { closeAllLinks, loseTcpipNetwork } from './services/tcpip/tcpip-events.js'

/** The network is gone: every service reports the loss of its connections. */
export function loseServicesNetwork(ctx: CommandContext, services: readonly SimService[]): void {
  ctx.state.networkUp = false
  dropAllSessions(ctx, CONNLOST_CAUSE.networkClosed)
  loseTcpipNetwork(ctx)
  loseHttpNetwork(ctx)
  for (const service of services) service.loseNetwork?.(ctx)
  ctx.state.activePdp.clear()
  if (!ctx.state.mqttStarted) return
  ctx.state.mqttStarted = false
  ctx.emitUrc('+CMQTTNONET')
}

/** The modem powers down: every connection ends silently (the modem prints nothing of it). */
export function closeServices(ctx: CommandContext, services: readonly SimService[]): void {
  dropAllSessions(ctx)
  closeAllLinks(ctx)
  closeFtpSession(ctx)
  closeHttpSession(ctx)
  for (const service of services) service.powerDown?.(ctx)
}
