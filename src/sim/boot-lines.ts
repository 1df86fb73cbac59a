/** The lines a module prints after power-up, as its SIM card allows. */
import { isSimBootLine } from './profile.js'
import { encodeUrc } from './reply.js'
import type { SimProfile } from './sim-profile.js'

/** The profile's boot lines; without a SIM card the SIM's lines are left out, and a locked one reports its lock in `+CPIN`. */
export function listBootLines(profile: SimProfile, simPresent: boolean, lock: string): string[] {
  return profile.bootLines.flatMap(line => {
    if (!isSimBootLine(line) || (simPresent && lock === 'READY')) return [line]
    return simPresent && line.startsWith('+CPIN:') ? [`+CPIN: ${lock}`] : []
  })
}

/** The boot lines as the module prints them, each framed as a URC. */
export function encodeBootLines(profile: SimProfile, simPresent: boolean, lock: string): Buffer {
  return Buffer.concat(listBootLines(profile, simPresent, lock).map(line => encodeUrc(line)))
}
