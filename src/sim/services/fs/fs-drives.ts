/**
 * The drives of each profile's flash file system (AT+FSCD, AT+FSMEM): `C:` is the user storage on both families;
 * the A76XX firmware also answers for `F:`, the SIM7600 names its SD card `D:` and has none inserted here.
 * Capacities are the simulator's, of the order the modules report; a write past them fails as on a full flash.
 */
export interface DriveSpec {
  /** `C:`, `D:`, `F:`. */
  name: string
  capacityBytes: number
  /** An SD card slot without a card: the drive exists in the manual but every access to it fails. */
  present: boolean
}

export interface FileSystemSpec {
  drives: readonly DriveSpec[]
  /** AT+FSATTRI also prints the file's creation date (SIM7600 manual), not only its size (A76XX). */
  attributeDate: boolean
  /** AT+CFTRANTX sends a file in `+CFTRANTX: DATA,<len>` blocks of at most this many bytes. */
  transferBlockBytes: number
}

const A76XX_FS: FileSystemSpec = {
  drives: [
    { name: 'C:', capacityBytes: 5_767_168, present: true },
    { name: 'F:', capacityBytes: 1_048_576, present: true },
  ],
  attributeDate: false,
  transferBlockBytes: 2048,
}

const SIM7600_FS: FileSystemSpec = {
  drives: [
    { name: 'C:', capacityBytes: 4_194_304, present: true },
    { name: 'D:', capacityBytes: 0, present: false },
  ],
  attributeDate: true,
  transferBlockBytes: 2048,
}

const FS_BY_PROFILE: ReadonlyMap<string, FileSystemSpec> = new Map([
  ['simcom-a76xx', A76XX_FS],
  ['simcom-sim7600', SIM7600_FS],
])

/** The file system of a profile by name (a profile without its own has the A76XX's). */
export function selectFileSystemSpec(profileName: string): FileSystemSpec {
  return FS_BY_PROFILE.get(profileName) ?? A76XX_FS
}
