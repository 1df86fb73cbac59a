/** The Quectel traits of a profile, for the Quectel services' handlers. */
import type { SimProfile } from '../sim-profile.js'
import type { QuectelTraits } from './quectel-traits.js'

/** The profile's Quectel traits; a profile that lists a Quectel service without them is a programming error. */
export function readTraits(profile: SimProfile): QuectelTraits {
  if (profile.quectel === undefined) throw new Error(`profile ${profile.name} lists a Quectel service but has no Quectel traits`)
  return profile.quectel
}
