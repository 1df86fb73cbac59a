/**
 * SimOptions from a `sim://<profile>?...` query, e.g. `sim://simcom-a76xx?echo=0&latencyMs=5&baud=115200&resolve=*:8883=127.0.0.1:8883`.
 * Problems come back as data (a stable code, the parameter, a hint), all of them at once.
 */
import type { SimProfile } from './profile.js'
import { parseResolveRule, type ResolveRule } from './sockets/host-resolve.js'

/** How a simulated modem starts; every field has the profile's default. */
export interface SimOptions {
  /** A profile or its name; default `simcom-a76xx`. */
  profile?: SimProfile | string
  /** Echo after power-up (ATE1); default the profile's (on). */
  echo?: boolean
  /** AT+CMEE after power-up; default the profile's (2). */
  cmee?: 0 | 1 | 2
  /** Delay before each command is answered (ms); default 0. */
  latencyMs?: number
  /** Deliver output at this many bits per second; default undefined (no pacing). */
  baud?: number
  /** Whether a SIM card is inserted; default true. */
  simPresent?: boolean
  /** A SIM locked with this PIN: `+CPIN: SIM PIN` at power-up, no registration until AT+CPIN="<pin>" (PUK 12345678). */
  simPin?: string
  /** Signal strength for AT+CSQ (0..31, 99 unknown); default the profile's. */
  rssi?: number
  /** Where host names go (curl `--resolve` style). Unmapped names that are not loopback fail as a DNS error (25). */
  resolve?: ResolveRule[]
  /** Time allowed for prompt input (ms); default the profile's (10 s). */
  promptTimeoutMs?: number
  /** Time from power-up (or reboot) to `RDY` (ms); default 0. */
  bootDelayMs?: number
  /** Silence needed before and after `+++` to leave online data mode (ms); default 1000 (V.250 S12 default). */
  escapeGuardMs?: number
  /** Receives each note the simulator makes (unmapped hosts, refused handshakes...). */
  onNote?: (note: string) => void
}

export interface SimOptionProblem {
  code: 'sim-option-unknown' | 'sim-option-value' | 'resolve-syntax' | 'sim-profile-unknown'
  param: string
  hint: string
}

export type ParsedSimParams = { ok: true; options: SimOptions } | { ok: false; problems: SimOptionProblem[] }

type Setter = (value: string, options: SimOptions) => string | undefined

const INTEGER = /^\d+$/

function integerIn(min: number, max: number, apply: (n: number, o: SimOptions) => void): Setter {
  return (value, options) => {
    const n = Number(value)
    if (!INTEGER.test(value) || n < min || n > max) return `use a whole number from ${min} to ${max}`
    apply(n, options)
    return undefined
  }
}

const SETTERS: ReadonlyMap<string, Setter> = new Map<string, Setter>([
  [
    'echo',
    integerIn(0, 1, (n, o) => {
      o.echo = n === 1
    }),
  ],
  [
    'cmee',
    integerIn(0, 2, (n, o) => {
      o.cmee = n as 0 | 1 | 2
    }),
  ],
  [
    'latencyMs',
    integerIn(0, 600_000, (n, o) => {
      o.latencyMs = n
    }),
  ],
  [
    'baud',
    integerIn(300, 4_000_000, (n, o) => {
      o.baud = n
    }),
  ],
  [
    'sim',
    integerIn(0, 1, (n, o) => {
      o.simPresent = n === 1
    }),
  ],
  [
    'rssi',
    integerIn(0, 99, (n, o) => {
      o.rssi = n
    }),
  ],
  [
    'promptTimeoutMs',
    integerIn(1, 600_000, (n, o) => {
      o.promptTimeoutMs = n
    }),
  ],
  [
    'simPin',
    (value, options) => {
      // TS 31.102 PINs are 4 to 8 digits
      if (!/^\d{4,8}$/.test(value)) return 'use a PIN of 4 to 8 digits'
      options.simPin = value
      return undefined
    },
  ],
  [
    'bootDelayMs',
    integerIn(0, 600_000, (n, o) => {
      o.bootDelayMs = n
    }),
  ],
  [
    'escapeGuardMs',
    integerIn(20, 60_000, (n, o) => {
      o.escapeGuardMs = n
    }),
  ],
])

/** Reads every known parameter; `resolve` may repeat. */
export function parseSimParams(params: URLSearchParams): ParsedSimParams {
  const options: SimOptions = {}
  const problems: SimOptionProblem[] = []
  const rules: ResolveRule[] = []
  for (const [param, value] of params) {
    if (param === 'resolve') {
      const parsed = parseResolveRule(value)
      if (parsed.ok) rules.push(parsed.rule)
      else problems.push({ code: parsed.code, param, hint: parsed.hint })
      continue
    }
    const setter = SETTERS.get(param)
    const hint = setter === undefined ? `known parameters: ${[...SETTERS.keys(), 'resolve'].join(', ')}` : setter(value, options)
    if (hint !== undefined) problems.push({ code: setter === undefined ? 'sim-option-unknown' : 'sim-option-value', param, hint })
  }
  if (rules.length > 0) options.resolve = rules
  return problems.length > 0 ? { ok: false, problems } : { ok: true, options }
}
