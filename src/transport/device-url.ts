/**
 * Device URLs: `serial:///dev/ttyUSB2?baud=115200&parity=none&databits=8&stopbits=1&rtscts=1`
 * (or a plain path), `tcp://host:port`, `sim://<profile>?k=v`, `replay://path/to/run.json?fast=1`.
 */
import { TransportError } from './transport-error.js'

export type Parity = 'none' | 'even' | 'odd' | 'mark' | 'space'

export interface SerialSettings {
  baudRate: number
  dataBits: 5 | 6 | 7 | 8
  parity: Parity
  stopBits: 1 | 1.5 | 2
  rtscts: boolean
}

export type DeviceAddress =
  | { kind: 'serial'; path: string; settings: SerialSettings }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'sim'; profile: string; params: URLSearchParams }
  /** A recorded run (its JSON record) answering as the device did; `fast` sends every reply at once instead of at its recorded offset. */
  | { kind: 'replay'; path: string; fast: boolean }

export const defaultSerialSettings: SerialSettings = { baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, rtscts: false }

const urlHint = 'use serial:///dev/ttyUSB2?baud=115200, a plain path, tcp://host:port, sim://<profile> or replay://path/to/run.json'

/** Parses a device URL; throws a `bad-device-url` TransportError naming the bad part. */
export function parseDeviceUrl(url: string): DeviceAddress {
  if (url.startsWith('/') || /^COM\d+$/i.test(url)) return { kind: 'serial', path: url, settings: defaultSerialSettings }
  if (url.startsWith('replay://')) return parseReplayUrl(url)
  const parsed = parseUrl(url)
  switch (parsed.protocol) {
    case 'serial:':
      return { kind: 'serial', path: decodeURIComponent(parsed.pathname), settings: parseSerialSettings(url, parsed.searchParams) }
    case 'tcp:':
      return { kind: 'tcp', host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'), port: parsePort(url, parsed.port) }
    case 'sim:':
      return { kind: 'sim', profile: parsed.hostname || parsed.pathname.replace(/^\/+/, ''), params: parsed.searchParams }
    default:
      throw badUrl(url, `unknown device URL scheme "${parsed.protocol}"`)
  }
}

/**
 * `replay://reports/run.json`, `replay:///abs/run.json`, `replay://run.json?fast=1`. Read by hand, since a
 * URL parser would lower-case the first path segment as a host name.
 */
function parseReplayUrl(url: string): DeviceAddress {
  const rest = url.slice('replay://'.length)
  const queryAt = rest.indexOf('?')
  const path = decodeURIComponent(queryAt === -1 ? rest : rest.slice(0, queryAt))
  if (path === '') throw badUrl(url, "replay:// needs the path of a run's JSON record, e.g. replay://reports/run.json")
  let fast = false
  for (const [key, value] of new URLSearchParams(queryAt === -1 ? '' : rest.slice(queryAt + 1))) {
    if (key !== 'fast') throw badUrl(url, `unknown replay setting "${key}" (known: fast)`)
    fast = parseChoice(
      url,
      key,
      value,
      v => ['0', '1', 'true', 'false'].includes(v),
      v => v === '1' || v === 'true',
    )
  }
  return { kind: 'replay', path, fast }
}

function parseUrl(url: string): URL {
  try {
    return new URL(url)
  } catch (error) {
    throw new TransportError('bad-device-url', url, `not a device URL: ${url}`, { hint: urlHint, cause: error })
  }
}

function parsePort(url: string, port: string): number {
  const value = Number(port)
  if (port === '' || !Number.isInteger(value) || value < 1 || value > 65535)
    throw badUrl(url, 'tcp:// needs a port, e.g. tcp://127.0.0.1:3333')
  return value
}

/** Reads `baud`, `databits`, `parity`, `stopbits`, `rtscts` from the query; unknown keys are refused. */
export function parseSerialSettings(url: string, params: URLSearchParams): SerialSettings {
  const settings: SerialSettings = { ...defaultSerialSettings }
  for (const [key, value] of params) {
    switch (key) {
      case 'baud':
        settings.baudRate = parseChoice(url, key, value, (v): v is string => /^\d+$/.test(v) && Number(v) > 0, Number)
        break
      case 'databits':
        settings.dataBits = parseChoice(
          url,
          key,
          value,
          v => ['5', '6', '7', '8'].includes(v),
          v => Number(v) as SerialSettings['dataBits'],
        )
        break
      case 'parity':
        settings.parity = parseChoice(
          url,
          key,
          value,
          v => ['none', 'even', 'odd', 'mark', 'space'].includes(v),
          v => v as Parity,
        )
        break
      case 'stopbits':
        settings.stopBits = parseChoice(
          url,
          key,
          value,
          v => ['1', '1.5', '2'].includes(v),
          v => Number(v) as SerialSettings['stopBits'],
        )
        break
      case 'rtscts':
        settings.rtscts = parseChoice(
          url,
          key,
          value,
          v => ['0', '1', 'true', 'false'].includes(v),
          v => v === '1' || v === 'true',
        )
        break
      default:
        throw badUrl(url, `unknown serial setting "${key}" (known: baud, databits, parity, stopbits, rtscts)`)
    }
  }
  return settings
}

function parseChoice<T>(url: string, key: string, value: string, isValid: (value: string) => boolean, convert: (value: string) => T): T {
  if (!isValid(value)) throw badUrl(url, `bad value for ${key}: "${value}"`)
  return convert(value)
}

function badUrl(url: string, message: string): TransportError {
  return new TransportError('bad-device-url', url, message, { hint: urlHint })
}
