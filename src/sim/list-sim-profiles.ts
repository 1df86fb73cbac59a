/** What each simulated device is and answers, read from the profiles and their services (for `atseq sim --list`). */
import { SIM_PROFILES } from './profile.js'
import { selectServices } from './services/index.js'

/** One profile as a user chooses it: its name, modem family, who it says it is and the commands of each service. */
export interface SimProfileSummary {
  name: string
  /** The modem family whose vocabulary it speaks (`simcom`, `quectel`). */
  family: string
  manufacturer: string
  model: string
  /** The profile's services in order, each with the commands its handlers answer, as typed after `AT`. */
  services: Array<{ name: string; commands: string[] }>
}

/** Every profile, in the order `sim://` knows them. */
export function listSimProfiles(): SimProfileSummary[] {
  return [...SIM_PROFILES.values()].map(profile => ({
    name: profile.name,
    family: profile.family,
    manufacturer: profile.identity.manufacturer,
    model: profile.identity.model,
    services: selectServices(profile.services).map(service => ({ name: service.name, commands: Object.keys(service.handlers) })),
  }))
}
