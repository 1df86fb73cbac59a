/**
 * The registry of modem families by device name (a sequence's `device:`, a `sim://` profile). Names are
 * matched exactly; a name no family lists reads as the generic modem.
 */
import type { CredentialParamRule, ModemFamily } from '../modem-family.js'
import { GENERIC_FAMILY } from './generic/index.js'
import { QUECTEL_FAMILY } from './quectel/index.js'
import { SIMCOM_FAMILY } from './simcom/index.js'

/** Every family atseq knows, the generic one last. */
export const MODEM_FAMILIES: readonly ModemFamily[] = [SIMCOM_FAMILY, QUECTEL_FAMILY, GENERIC_FAMILY]

const familiesByDevice: ReadonlyMap<string, ModemFamily> = new Map(
  MODEM_FAMILIES.flatMap(family => family.deviceNames.map(name => [name, family] as const)),
)

/** The family a device name belongs to, or undefined when no family lists it. */
export function findModemFamily(device: string): ModemFamily | undefined {
  return familiesByDevice.get(device)
}

/** The family of a device name; the generic modem when the name is absent or unknown. */
export function resolveModemFamily(device: string | undefined): ModemFamily {
  return (device === undefined ? undefined : findModemFamily(device)) ?? GENERIC_FAMILY
}

/** Every device name a family lists, sorted. */
export function listDeviceNames(): string[] {
  return [...familiesByDevice.keys()].sort()
}

/** The families a sequence's commands are read against: its own, or every family when its `device:` names none. */
export function familiesFor(device: string | undefined): readonly ModemFamily[] {
  const family = device === undefined ? undefined : findModemFamily(device)
  return family === undefined ? MODEM_FAMILIES : [family]
}

/** The credential parameters of every family: masking applies them whatever the device says it is. */
export function listCredentialParams(): readonly CredentialParamRule[] {
  return MODEM_FAMILIES.flatMap(family => family.credentialParams ?? [])
}
