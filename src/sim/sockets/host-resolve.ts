/**
 * Host mapping, curl `--resolve` style: `host:port=addr:port`. The simulator never looks a name up:
 * a name is either mapped, or a loopback address, or it fails as a DNS error would. So no traffic leaves
 * the machine unless a user maps it somewhere.
 */
import { isIP } from 'node:net'

/** Sends connections for `host:port` (`*` matches any host) to `to`. */
export interface ResolveRule {
  host: string
  port: number
  to: { host: string; port: number }
}

export type ResolveResult = { ok: true; host: string; port: number; mapped: boolean } | { ok: false; reason: 'unmapped'; note: string }

export type ParsedResolveRule = { ok: true; rule: ResolveRule } | { ok: false; code: 'resolve-syntax'; hint: string }

const LOOPBACK_NAMES = new Map([['localhost', '127.0.0.1']])

/** Finds where `host:port` goes; the first matching rule wins, then loopback addresses pass as they are. */
export function resolveHost(rules: readonly ResolveRule[], host: string, port: number): ResolveResult {
  const bare = stripBrackets(host).toLowerCase()
  const rule = rules.find(r => (r.host === '*' || stripBrackets(r.host).toLowerCase() === bare) && r.port === port)
  if (rule) return { ok: true, host: stripBrackets(rule.to.host), port: rule.to.port, mapped: true }
  const loopback = LOOPBACK_NAMES.get(bare) ?? (isLoopbackAddress(bare) ? bare : undefined)
  if (loopback !== undefined) return { ok: true, host: loopback, port, mapped: false }
  return {
    ok: false,
    reason: 'unmapped',
    note: `${host}:${port} is not mapped; the simulator never looks names up (map it with --resolve ${host}:${port}=127.0.0.1:<port>)`,
  }
}

/** Whether an address is 127.0.0.0/8 or ::1. */
export function isLoopbackAddress(address: string): boolean {
  const bare = stripBrackets(address)
  if (isIP(bare) === 4) return bare.startsWith('127.')
  return isIP(bare) === 6 && (bare === '::1' || bare === '0:0:0:0:0:0:0:1')
}

/** Parses `host:port=addr:port` (IPv6 in brackets, `*` for any host). */
export function parseResolveRule(text: string): ParsedResolveRule {
  const [from, to, extra] = text.split('=')
  const fromEndpoint = from === undefined ? undefined : parseEndpoint(from, true)
  const toEndpoint = to === undefined ? undefined : parseEndpoint(to, false)
  if (extra !== undefined || fromEndpoint === undefined || toEndpoint === undefined) {
    return {
      ok: false,
      code: 'resolve-syntax',
      hint: `write host:port=addr:port, e.g. test.mosquitto.org:8883=127.0.0.1:8883 (got "${text}")`,
    }
  }
  return { ok: true, rule: { host: fromEndpoint.host, port: fromEndpoint.port, to: toEndpoint } }
}

function parseEndpoint(text: string, allowStar: boolean): { host: string; port: number } | undefined {
  const match = /^(\[[^\]]+\]|[^:\s]+):(\d{1,5})$/.exec(text.trim())
  if (!match) return undefined
  const host = match[1] ?? ''
  const port = Number(match[2])
  if (port < 1 || port > 65535 || (host === '*' && !allowStar)) return undefined
  return { host: stripBrackets(host), port }
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
}
