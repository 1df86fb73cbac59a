/**
 * The modem simulator. The app layer hands `createSimModem` to the transport as the builder of `sim://` peers,
 * so `sim://simcom-a76xx?echo=0` opens a SimModem.
 */
import { SIM_PROFILES } from './profile.js'
import { SimModem, type SimOptions } from './sim-modem.js'
import { parseSimParams, type SimOptionProblem } from './sim-options.js'

export { SimModem, type SimOptions } from './sim-modem.js'
export { SIM_PROFILES, SIMCOM_A76XX, SIMCOM_SIM7600, type SimProfile } from './profile.js'
export { parseResolveRule, resolveHost, isLoopbackAddress, type ResolveRule, type ResolveResult } from './sockets/host-resolve.js'
export { parseSimParams, type SimOptionProblem, type ParsedSimParams } from './sim-options.js'
export { MQTT_ERR, CONNLOST_CAUSE } from '../modem/families/simcom/mqtt-codes.js'
export { serveSimOverTcp, type SimServer, type SimServerOptions } from './serve-tcp.js'
export { listSimProfiles, type SimProfileSummary } from './list-sim-profiles.js'

/** Thrown by createSimModem when the sim:// query cannot be used; `problems` lists each parameter at fault. */
export class SimOptionsError extends Error {
  readonly code = 'sim-options'
  constructor(readonly problems: SimOptionProblem[]) {
    super(problems.map(p => `${p.param}: ${p.hint}`).join('; '))
    this.name = 'SimOptionsError'
  }
}

/**
 * Builds a modem for `sim://<profile>?<params>`; `extra` is merged in (its `resolve` rules come after the URL's).
 * Throws SimOptionsError for bad parameters or an unknown profile.
 */
export function createSimModem(profile: string, params: URLSearchParams, extra: SimOptions = {}): SimModem {
  if (!SIM_PROFILES.has(profile)) {
    throw new SimOptionsError([
      {
        code: 'sim-profile-unknown',
        param: 'profile',
        hint: `no simulated modem named "${profile}" (known: ${[...SIM_PROFILES.keys()].join(', ')})`,
      },
    ])
  }
  const parsed = parseSimParams(params)
  if (!parsed.ok) throw new SimOptionsError(parsed.problems)
  const resolve = [...(parsed.options.resolve ?? []), ...(extra.resolve ?? [])]
  return new SimModem({ ...extra, ...parsed.options, resolve, profile })
}
