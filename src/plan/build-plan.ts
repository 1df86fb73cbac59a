/**
 * The plan: which sequences every device runs, in which order, with which vars. Pure: the
 * sequences are already loaded; suite tags filter them, the shard keeps its part, setup and
 * teardown run in every shard (each shard's devices must be brought up and down).
 */
import type { Sequence } from '../model/sequence.js'
import { isInShard } from './shard.js'
import type { DeviceSpec, Plan, PlanEntry, Shard, Suite, SuiteEntry } from '../model/suite.js'

export interface PlanInput {
  /** The suite's name, or a name for a plain list of files. */
  name: string
  suite?: Suite
  sequences: Array<{ sequence: Sequence; entry?: SuiteEntry }>
  setup?: Sequence
  teardown?: Sequence
  devices: DeviceSpec[]
  shard?: Shard
}

/** Builds the plan; `plannedSequences` counts the sequences before sharding. */
export function buildPlan(input: PlanInput): Plan {
  const suiteVars = input.suite?.vars ?? {}
  const chosen = input.sequences.filter(({ sequence }) => isTagSelected(sequence, input.suite))
  const entries: PlanEntry[] = []
  if (input.setup) entries.push({ role: 'setup', sequence: input.setup, order: 0, vars: suiteVars })
  chosen.forEach(({ sequence, entry }, position) => {
    if (!isInShard(position, input.shard)) return
    entries.push({
      role: 'sequence',
      sequence,
      order: position + 1,
      vars: { ...suiteVars, ...(entry?.vars ?? {}) },
      ...(entry?.broker ? { broker: entry.broker } : {}),
      ...(entry?.sim ? { sim: entry.sim } : {}),
    })
  })
  if (input.teardown) entries.push({ role: 'teardown', sequence: input.teardown, order: chosen.length + 1, vars: suiteVars })
  return {
    name: input.name,
    ...(input.suite ? { suiteFile: input.suite.file } : {}),
    devices: input.devices,
    entries,
    plannedSequences: chosen.length,
    ...(input.shard ? { shard: input.shard } : {}),
  }
}

/** The suite's `tags: { include, exclude }` on a sequence's tags. */
export function isTagSelected(sequence: Sequence, suite: Suite | undefined): boolean {
  if (suite === undefined) return true
  const included = suite.includeTags.length === 0 || suite.includeTags.some(tag => sequence.tags.includes(tag))
  return included && !suite.excludeTags.some(tag => sequence.tags.includes(tag))
}

/**
 * The device URL one run opens: a `sim://` device gets the entry's simulator settings as query
 * parameters (they replace the same parameters in the URL); other devices are opened as given.
 */
export function resolveRunDeviceUrl(entry: PlanEntry, device: DeviceSpec): string {
  const settings = Object.entries(entry.sim ?? {}).filter(([, value]) => value !== undefined)
  if (settings.length === 0 || !/^sim:\/\//i.test(device.url)) return device.url
  const url = new URL(device.url)
  for (const [name, value] of settings) url.searchParams.set(name, String(value))
  return url.toString()
}

/** The vars one run gets: the entry's (suite and entry), then the device's, then the suite's per-device, then the command line's. */
export function resolveRunVars(
  entry: PlanEntry,
  device: DeviceSpec,
  suite: Suite | undefined,
  cliVars: Record<string, string>,
): Record<string, string> {
  return { ...entry.vars, ...device.vars, ...(suite?.deviceVars[device.name] ?? {}), ...cliVars }
}
