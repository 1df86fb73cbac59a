/**
 * The plan stage's data: a loaded suite file, the devices a run targets, and the plan that
 * says which sequence runs on which device with which variables. Plain data, no I/O.
 */
import type { Sequence, SourceLocation } from './sequence.js'

/** How the embedded broker is started for one entry (the simulator's broker; ignored with `--broker`). */
export interface BrokerSettings {
  /** Only these user names with these passwords may connect. */
  users?: Record<string, string>
}

/** Simulator settings for one entry, added to a `sim://` device's URL as query parameters (other devices ignore them). */
export interface SimSettings {
  /** How long the simulated modem waits for prompt input before ERROR (ms). */
  promptTimeoutMs?: number
}

/** One `sequences:` entry: a glob relative to the suite file, with what it adds. */
export interface SuiteEntry {
  glob: string
  vars: Record<string, string>
  broker?: BrokerSettings
  sim?: SimSettings
  at: SourceLocation
}

/** A suite file, loaded and validated. */
export interface Suite {
  file: string
  sha256: string
  name: string
  description?: string
  /** Device URL used when the command line names none. */
  device?: string
  entries: SuiteEntry[]
  exclude: string[]
  includeTags: string[]
  excludeTags: string[]
  order: 'listed' | 'name'
  vars: Record<string, string>
  /** Per-device vars, by device name. */
  deviceVars: Record<string, Record<string, string>>
  setup?: string
  teardown?: string
  timeoutScale: number
  at: SourceLocation
}

/** A device a run targets: a name for reports and folders, its URL, and its own vars (e.g. the SIM's APN). */
export interface DeviceSpec {
  name: string
  url: string
  vars: Record<string, string>
}

/** `--shard 2/3`: this run does the second of three deterministic parts. */
export interface Shard {
  /** 1-based. */
  index: number
  total: number
}

/** What one planned run is for. */
export type PlanRole = 'setup' | 'sequence' | 'teardown'

/** One sequence file to run on every device, with its place in the unsharded plan. */
export interface PlanEntry {
  role: PlanRole
  sequence: Sequence
  /** Position in the unsharded plan (setup first, teardown last), so merged shards sort back into it. */
  order: number
  vars: Record<string, string>
  broker?: BrokerSettings
  sim?: SimSettings
}

/** The whole plan: every device runs `entries` in order (devices in parallel). */
export interface Plan {
  name: string
  suiteFile?: string
  devices: DeviceSpec[]
  entries: PlanEntry[]
  /** How many `sequence` entries the unsharded plan has. */
  plannedSequences: number
  shard?: Shard
}
