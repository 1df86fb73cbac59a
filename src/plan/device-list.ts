/**
 * The devices a run targets: `--device` (repeatable; `name=url` names one) and a devices file
 * (YAML or JSON: `devices: [{ name, url, vars }]`). Problems come back as diagnostics.
 */
import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import { errorAt, type Diagnostic } from '../model/diagnostic.js'
import { stringifyVars } from './load-suite.js'
import type { DeviceSpec } from '../model/suite.js'

const DEVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/

/** `bench-1=/dev/ttyUSB2` names a device; a bare URL is named `device-<n>` (1-based). */
export function parseDeviceArgument(text: string, position: number): DeviceSpec {
  const eq = text.indexOf('=')
  const name = eq > 0 ? text.slice(0, eq) : ''
  if (DEVICE_NAME.test(name)) return { name, url: text.slice(eq + 1), vars: {} }
  return { name: `device-${position}`, url: text, vars: {} }
}

/** Reads a devices file; every entry needs a unique name and a URL. */
export async function loadDevicesFile(file: string): Promise<{ devices: DeviceSpec[]; diagnostics: Diagnostic[] }> {
  const at = { file, line: 1, col: 1 }
  let data: unknown
  try {
    data = parse(await readFile(file, 'utf8'))
  } catch (error) {
    return {
      devices: [],
      diagnostics: [errorAt(at, 'devices-file', `cannot read the devices file: ${(error as Error).message.split('\n')[0]}`)],
    }
  }
  const list = Array.isArray(data) ? data : (data as { devices?: unknown } | null)?.devices
  if (!Array.isArray(list) || list.length === 0) {
    return { devices: [], diagnostics: [errorAt(at, 'devices-file', 'expected a non-empty list `devices: [{ name, url, vars }]`')] }
  }
  const diagnostics: Diagnostic[] = []
  const devices = list.flatMap((item: unknown, index): DeviceSpec[] => {
    const entry = item as { name?: unknown; url?: unknown; vars?: Record<string, unknown> } | null
    if (typeof entry?.url !== 'string' || typeof entry.name !== 'string' || !DEVICE_NAME.test(entry.name)) {
      diagnostics.push(errorAt(at, 'devices-file', `device ${index + 1} needs a name (letters, digits, _ . -) and a url`))
      return []
    }
    return [{ name: entry.name, url: entry.url, vars: stringifyVars(entry.vars) }]
  })
  return { devices, diagnostics: [...diagnostics, ...checkUniqueNames(devices, at)] }
}

/** Device names become folder names and report sections: they must be unique. */
export function checkUniqueNames(devices: readonly DeviceSpec[], at: Diagnostic['at']): Diagnostic[] {
  const seen = new Set<string>()
  const problems: Diagnostic[] = []
  for (const device of devices) {
    if (seen.has(device.name)) problems.push(errorAt(at, 'device-name-duplicate', `two devices are named \`${device.name}\``))
    seen.add(device.name)
  }
  return problems
}
