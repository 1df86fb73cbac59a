/** The lines a module prints after power-up: the profile's banner, less what a missing or locked SIM keeps back. */
import { isSimBootLine, type SimProfile } from './profile.js'
import { encodeUrc } from './reply.js'

/** Writes the banner; a locked SIM shows its lock (`+CPIN: SIM PIN`) instead of READY and the lines after it. */
export function printBootBanner(profile: SimProfile, sim: { present: boolean; lock: string }, write: (bytes: Buffer) => void): void {
  for (const line of profile.bootLines) {
    if (isSimBootLine(line) && (!sim.present || sim.lock !== 'READY')) {
      if (sim.present && line.startsWith('+CPIN:')) write(encodeUrc(`+CPIN: ${sim.lock}`))
      continue
    }
    write(encodeUrc(line))
  }
}
