/**
 * The modem simulator. Importing this module registers every profile with the `sim://` transport registry,
 * so `sim://simcom-a76xx?echo=0` opens a SimModem.
 */
import { registerSimProfile } from '../transport/sim-profiles.js'
import { SIM_PROFILES } from './profile.js'
import { SimModem, type SimOptions } from './sim-modem.js'
import { parseSimParams, type SimOptionProblem } from './sim-options.js'

export { SimModem, type SimOptions } from './sim-modem.js'
export { SIM_PROFILES, SIMCOM_A76XX, SIMCOM_SIM7600, type SimProfile } from './profile.js'
export { parseResolveRule, resolveHost, isLoopbackAddress, type ResolveRule, type ResolveResult } from './network/host-resolve.js'
export { parseSimParams, type SimOptionProblem, type ParsedSimParams } from './sim-options.js'
export { MQTT_ERR, CONNLOST_CAUSE } from './mqtt-codes.js'
export { serveSimOverTcp, type SimServer, type SimServerOptions } from './serve-tcp.js'

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
 * Throws SimOptionsError for bad parameters and an Error for an unknown profile.
 */
export function createSimModem(profile: string, params: URLSearchParams, extra: SimOptions = {}): SimModem {
  const parsed = parseSimParams(params)
  if (!parsed.ok) throw new SimOptionsError(parsed.problems)
  const resolve = [...(parsed.options.resolve ?? []), ...(extra.resolve ?? [])]
  return new SimModem({ ...extra, ...parsed.options, resolve, profile })
}

for (const name of SIM_PROFILES.keys()) registerSimProfile(name, params => createSimModem(name, params))
