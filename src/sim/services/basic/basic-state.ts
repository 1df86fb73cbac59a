/** The basic service's part of the modem state: echo, the error report mode and the V.250 framing settings. */
import type { SimProfile } from '../../profile.js'

export interface BasicState {
  echo: boolean
  cmee: 0 | 1 | 2
  /** ATV: verbose (1) or numeric (0) result codes. */
  verbose: boolean
  /** ATQ1 suppresses final result codes. */
  quiet: boolean
  /** S3 command line terminator, S4 response formatting character, S5 line editing character (ASCII codes). */
  s3: number
  s4: number
  s5: number
}

/** The settings AT&F restores and power-up starts with. */
export function createBasicState(profile: SimProfile): BasicState {
  return { echo: profile.defaults.echo, cmee: profile.defaults.cmee, verbose: true, quiet: false, s3: 13, s4: 10, s5: 8 }
}
