/** The network service's part of the modem state: SIM, radio, registration and PDP contexts. */
import type { SimProfile } from '../../profile.js'

export interface PdpContext {
  type: string
  apn: string
}

export interface NetworkState {
  simPresent: boolean
  networkUp: boolean
  rssi: number
  ber: number
  creg: number
  cgreg: number
  cereg: number
  pdp: Map<number, PdpContext>
  activePdp: Set<number>
}

/** The network right after power-up: registered when a SIM is in, the default PDP context defined. */
export function createNetworkState(profile: SimProfile, simPresent: boolean): NetworkState {
  const { defaults } = profile
  return {
    simPresent,
    networkUp: simPresent,
    rssi: defaults.rssi,
    ber: defaults.ber,
    creg: 0,
    cgreg: 0,
    cereg: 0,
    pdp: new Map([[1, { type: 'IP', apn: defaults.apn }]]),
    activePdp: new Set(),
  }
}

/** Network registration status as +CREG/+CGREG/+CEREG report it: 1 home, 0 not searching (no SIM), 2 searching. */
export function registrationStatus(state: NetworkState): number {
  if (!state.simPresent) return 0
  return state.networkUp ? 1 : 2
}
