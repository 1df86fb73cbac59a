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

/** The device a list of command names (`+CMQTTSTART`) belongs to, when one of them is a family's own; else undefined. */
export function inferDeviceName(commandNames: readonly string[]): string | undefined {
  const owns = (prefixes: readonly string[]): boolean => commandNames.some(name => prefixes.some(prefix => name.startsWith(prefix)))
  return MODEM_FAMILIES.find(family => family.draftDevice !== undefined && owns(family.draftDevice.commandPrefixes))?.draftDevice?.device
}

const PAYLOAD_LINES = new Map(MODEM_FAMILIES.flatMap(family => family.payloadLines ?? []).map(line => [line.name, line] as const))

/** For a line followed by a payload of declared length (`+CFTPSGET: DATA,405`): which parameter holds the length. */
export function findPayloadLine(name: string): { lengthParam: number; marker?: string } | undefined {
  return PAYLOAD_LINES.get(name)
}
