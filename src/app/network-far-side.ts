/**
 * The simulated network as the `network` far-side server of a `sim://` run: `serve: { network: drop }` takes the
 * modem's coverage away (its sessions and sockets report the loss with their URCs), `restore` gives it back, and
 * `{ signal: n }` sets what AT+CSQ reports (99: no signal, which loses the network too). It receives nothing.
 */
import type { FarSideServer, ServerAction } from '../model/server-link.js'
import type { SimModem } from '../sim/sim-modem.js'

/** Adapts a simulated modem's radio faults to the far-side server shape. */
export function createNetworkFarSide(modem: SimModem): FarSideServer {
  return {
    names: ['network'],
    events: () => [],
    onEvent: () => () => undefined,
    act: async (action: ServerAction) => {
      if (action.server !== 'network') throw new Error(`the simulated network cannot act for ${action.server}`)
      if (action.kind === 'signal') modem.setSignal(action.rssi)
      else if (action.kind === 'drop') modem.dropNetwork()
      else modem.restoreNetwork()
    },
  }
}
