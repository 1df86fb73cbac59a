/**
 * Reads who the device is before the steps run (ATI, AT+CGMR, AT+CGSN) so the report can say
 * which modem and firmware it tested. A device that does not answer is reported, not fatal.
 */
import type { Chat } from '../at/chat.js'
import type { DeviceIdentity } from '../model/run-record.js'

const IDENTIFY_TIMEOUT_MS = 3000

/** Asks the modem for its identity; fields it does not give stay undefined. */
export async function identifyDevice(chat: Chat, signal: AbortSignal): Promise<DeviceIdentity> {
  chat.note('reading the device identity (ATI, AT+CGMR, AT+CGSN)')
  const ati = await responseLines(chat, 'ATI', signal)
  const identity: DeviceIdentity = parseAtiLines(ati)
  const revision = (await responseLines(chat, 'AT+CGMR', signal))[0]
  if (revision !== undefined) identity.revision = revision.replace(/^\+CGMR:\s*/, '')
  const imei = (await responseLines(chat, 'AT+CGSN', signal)).find(line => /^\d{14,16}$/.test(line))
  if (imei !== undefined) identity.imei = imei
  return identity
}

/**
 * `Manufacturer: X` / `Model: Y` / `Revision: Z` / `IMEI: N` lines of an ATI answer. Lines without a label name the
 * manufacturer, then the model, when no label did (Quectel prints `Quectel` / `BG96` / `Revision: ...`).
 */
export function parseAtiLines(lines: readonly string[]): DeviceIdentity {
  const identity: DeviceIdentity = {}
  const unlabelled: string[] = []
  for (const line of lines) {
    const [, key = '', value = ''] = /^([A-Za-z ]+):\s*(.*)$/.exec(line) ?? []
    const field = ATI_FIELDS.get(key.trim().toLowerCase())
    if (field && value) identity[field] = value.trim()
    else if (!line.includes(':') && line.trim() !== '') unlabelled.push(line.trim())
  }
  const [manufacturer, model] = unlabelled
  if (identity.manufacturer === undefined && manufacturer !== undefined) identity.manufacturer = manufacturer
  if (identity.model === undefined && model !== undefined) identity.model = model
  return identity
}

// A Map, not an object literal: a label such as `Constructor` must not find what every object inherits.
const ATI_FIELDS: ReadonlyMap<string, keyof DeviceIdentity> = new Map([
  ['manufacturer', 'manufacturer'],
  ['model', 'model'],
  ['revision', 'revision'],
  ['imei', 'imei'],
])

async function responseLines(chat: Chat, command: string, signal: AbortSignal): Promise<string[]> {
  const exchange = await chat.command(command, { timeoutMs: IDENTIFY_TIMEOUT_MS, signal })
  if (exchange.outcome !== 'final' || exchange.final !== 'OK') return []
  return exchange.lines.filter(line => line.kind === 'response').map(line => line.text)
}
