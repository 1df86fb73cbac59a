/** The basic service's part of the modem state: echo, the error report mode, the V.250 framing settings and the phone settings. */
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
  /** AT+CLIP: show the calling line (1) or not (0). */
  clip: 0 | 1
  /** AT+CRC: extended ring indication (+CRING) on (1) or off (0). */
  crc: 0 | 1
  /** AT+CCWA: call waiting shown (1) or not (0). */
  ccwa: 0 | 1
  /** AT+CUSD: USSD result codes shown (1), hidden (0). */
  cusd: 0 | 1
  /** AT+CPBS: the phonebook storage selected. */
  phonebook: string
}

/** The settings AT&F restores and power-up starts with. */
export function createBasicState(profile: SimProfile): BasicState {
  return {
    echo: profile.defaults.echo,
    cmee: profile.defaults.cmee,
    verbose: true,
    quiet: false,
    s3: 13,
    s4: 10,
    s5: 8,
    clip: 0,
    crc: 0,
    ccwa: 0,
    cusd: 0,
    phonebook: 'SM',
  }
}
