/** The network service's part of the modem state: SIM, radio, registration and PDP contexts. */
import type { SimProfile } from '../../profile.js'

export interface PdpContext {
  type: string
  apn: string
}

/** The SIM card's lock and its codes. */
export interface SimCard {
  lock: 'READY' | 'SIM PIN' | 'SIM PUK'
  pin: string
  puk: string
  pinTriesLeft: number
  pukTriesLeft: number
}

export interface NetworkState {
  sim: SimCard
  simPresent: boolean
  /** Registered and able to carry data: SIM, coverage, radio on (AT+CFUN=1), not deregistered (AT+COPS=2), not searching. */
  networkUp: boolean
  /** Whether the cell is in reach at all (the test's dropNetwork / restoreNetwork). */
  coverage: boolean
  /** AT+CGATT: attached to the packet domain (an LTE module is registered only while attached). */
  psAttached: boolean
  /** AT+CFUN: 1 full, 0 minimum, 4 radio off. */
  cfun: 0 | 1 | 4
  /** AT+COPS mode: 0 automatic, 2 deregistered. */
  copsMode: 0 | 2
  /** AT+COPS=3,<format>: how the operator is shown, 0 long name, 1 short name, 2 numeric. */
  copsFormat: 0 | 1 | 2
  /** Between radio on and registration: status 2 (searching). */
  searching: boolean
  /** AT+CNMP preferred mode (2 automatic). */
  cnmp: number
  /** Offset of the module clock (AT+CCLK) from the host's, ms. */
  clockOffsetMs: number
  /** The time zone AT+CCLK last set, in quarter hours. */
  clockZoneQh: number
  rssi: number
  ber: number
  creg: number
  cgreg: number
  cereg: number
  /** The registration status last reported (or undefined before any change): +CREG and its kin report changes only. */
  reportedStat: number | undefined
  pdp: Map<number, PdpContext>
  activePdp: Set<number>
}

/** The network right after power-up: registered when a SIM is in, the default PDP context defined. */
export function createNetworkState(profile: SimProfile, simPresent: boolean, simPin?: string): NetworkState {
  const { defaults } = profile
  return {
    sim: { lock: simPin === undefined ? 'READY' : 'SIM PIN', pin: simPin ?? '1234', puk: '12345678', pinTriesLeft: 3, pukTriesLeft: 10 },
    simPresent,
    networkUp: simPresent && simPin === undefined,
    coverage: true,
    psAttached: true,
    cfun: 1,
    copsMode: 0,
    copsFormat: 0,
    searching: false,
    cnmp: 2,
    clockOffsetMs: 0,
    clockZoneQh: 0,
    rssi: defaults.rssi,
    ber: defaults.ber,
    creg: 0,
    cgreg: 0,
    cereg: 0,
    reportedStat: undefined,
    pdp: new Map([[1, { type: 'IP', apn: defaults.apn }]]),
    activePdp: new Set(),
  }
}

/** Network registration status as +CREG/+CGREG/+CEREG report it: 1 home, 0 not searching (no SIM), 2 searching. */
export function registrationStatus(state: NetworkState): number {
  if (!state.simPresent || state.sim.lock !== 'READY' || state.cfun !== 1 || state.copsMode === 2 || !state.psAttached) return 0
  return state.networkUp ? 1 : 2
}

/** Whether the module may register now: a SIM, coverage, the radio on, automatic operator selection and attached. */
export function canRegister(state: NetworkState): boolean {
  return state.simPresent && state.sim.lock === 'READY' && state.coverage && state.cfun === 1 && state.copsMode === 0 && state.psAttached
}
