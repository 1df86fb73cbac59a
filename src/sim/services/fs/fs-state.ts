/** The file system service's part of the modem state: the current folder (AT+FSCD), back at `C:/` after a reboot. */
import type { SimProfile } from '../../profile.js'

export interface FsState {
  /** The folder relative paths start from, e.g. `C:/` or `C:/logs`. */
  fsCwd: string
}

export function createFsState(_profile: SimProfile): FsState {
  return { fsCwd: 'C:/' }
}
