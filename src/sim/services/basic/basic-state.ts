/** The basic service's part of the modem state: echo and the error report mode. */
import type { SimProfile } from '../../profile.js'

export interface BasicState {
  echo: boolean
  cmee: 0 | 1 | 2
}

export function createBasicState(profile: SimProfile): BasicState {
  return { echo: profile.defaults.echo, cmee: profile.defaults.cmee }
}
