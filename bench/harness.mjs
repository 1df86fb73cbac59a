// The one harness every bench uses. A comparison runs its sides in interleaved rounds (A B A B ...) after warm-up
// rounds that are not counted, so both sides see the same load on a shared machine; each round yields one value per
// side and one ratio per pair (A and B of the same round). The table prints best and median of each side and the
// median ratio against its target. Limits are absolute figures with a target (memory, ms per step); figures have none.
// A bench ends with `finish(table)`, which prints the table and sets exit code 1 when any ratio or limit misses.
import { performance } from 'node:perf_hooks'
import { loadavg } from 'node:os'

/** Parses `--name=value` and `--flag` arguments into an object. */
export function parseArgs(argv = process.argv.slice(2)) {
  return Object.fromEntries(
    argv
      .filter(arg => arg.startsWith('--'))
      .map(arg => arg.slice(2).split('='))
      .map(([key, value]) => [key, value ?? true]),
  )
}

/** Milliseconds `fn` takes (awaited). */
export async function timeMs(fn) {
  const started = performance.now()
  await fn()
  return performance.now() - started
}

/** The median of numbers (the mean of the two middle ones for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * Runs `sides` (each `{ label, run }`, `run(round)` resolving to one number) in interleaved rounds: `warmup` rounds
 * first, uncounted, then `rounds` counted ones. The order within a round alternates (A B, then B A) so neither side
 * always goes first. Resolves to `{ [label]: number[] }`, one value per counted round, in round order.
 */
export async function interleave({ sides, rounds = 5, warmup = 1 }) {
  const samples = Object.fromEntries(sides.map(side => [side.label, []]))
  for (let round = 0; round < warmup + rounds; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse()
    for (const side of order) {
      const value = await side.run(round)
      if (round >= warmup) samples[side.label].push(value)
    }
  }
  return samples
}

/** Ratios of two sides' values round by round: `of(a, b)` for each pair of the same round. */
export function pairRatios(a, b, of) {
  return a.map((value, i) => of(value, b[i]))
}

const isMet = (value, target) => (target.atLeast !== undefined ? value >= target.atLeast : value <= target.atMost)
const describeTarget = target => (target.atLeast !== undefined ? `>= ${target.atLeast}` : `<= ${target.atMost}`)

/** Collects a bench's rows and prints them as one table. */
export class Table {
  constructor(title) {
    this.title = title
    this.rows = []
  }

  /**
   * A ratio between two sides measured in interleaved rounds. `a` and `b` are `{ label, values, unit }`; `ratios`
   * holds one ratio per pair; `target` is `{ atLeast }` or `{ atMost }` on the median ratio.
   */
  ratio({ name, a, b, ratios, target, note }) {
    const value = median(ratios)
    this.rows.push({ kind: 'ratio', name, a, b, value, best: bestOf(ratios, target), target, met: isMet(value, target), note })
  }

  /** An absolute figure with a target (`{ atLeast }` or `{ atMost }`), e.g. peak RSS in MB. */
  limit({ name, value, unit, target, note }) {
    this.rows.push({ kind: 'limit', name, value, unit, target, met: isMet(value, target), note })
  }

  /** A figure without a target, printed for planning. */
  figure({ name, value, unit, note }) {
    this.rows.push({ kind: 'figure', name, value, unit, note })
  }

  /** A figure that could not be measured here (`why`: what is missing); the bench then exits SKIPPED_EXIT. */
  skip({ name, why }) {
    this.rows.push({ kind: 'skipped', name, why })
  }

  /** True when every ratio and limit met its target. */
  isMet() {
    return this.rows.every(row => row.met !== false)
  }

  /** The names of the figures that were not measured, with why. */
  listSkipped() {
    return this.rows.filter(row => row.kind === 'skipped').map(row => `${row.name} (${row.why})`)
  }

  /** The table as plain text. */
  format() {
    const lines = [`${this.title}  (load average ${loadavg()[0].toFixed(2)})`]
    for (const row of this.rows) lines.push(...formatRow(row))
    return lines.join('\n')
  }

  /** The rows as plain data (for --json). */
  toJSON() {
    return { title: this.title, met: this.isMet(), skipped: this.listSkipped(), rows: this.rows }
  }
}

function bestOf(ratios, target) {
  return target.atLeast !== undefined ? Math.max(...ratios) : Math.min(...ratios)
}

/** Formats a number with about three significant digits. */
export function fmt(value) {
  if (!Number.isFinite(value)) return String(value)
  const abs = Math.abs(value)
  if (abs >= 100) return value.toFixed(0)
  if (abs >= 10) return value.toFixed(1)
  if (abs >= 1) return value.toFixed(2)
  return value.toPrecision(3)
}

function describeSide(side, lowerIsBetter) {
  const best = lowerIsBetter ? Math.min(...side.values) : Math.max(...side.values)
  return `${side.label}: best ${fmt(best)} / median ${fmt(median(side.values))} ${side.unit}`
}

function formatRow(row) {
  if (row.kind === 'skipped') return [`  ${row.name.padEnd(44)} ${'-'.padStart(13)}    NOT MEASURED: ${row.why}`]
  const verdict = row.met === undefined ? '' : row.met ? '  ok' : '  MISSED'
  const note = row.note ? `   (${row.note})` : ''
  if (row.kind === 'ratio') {
    const lowerIsBetter = row.a.lowerIsBetter ?? true
    return [
      `  ${row.name.padEnd(44)} ratio ${fmt(row.value).padStart(7)} median, ${fmt(row.best)} best  target ${describeTarget(row.target)}${verdict}${note}`,
      `    ${describeSide(row.a, lowerIsBetter)}   ${describeSide(row.b, lowerIsBetter)}   (${row.a.values.length} pairs)`,
    ]
  }
  const target = row.kind === 'limit' ? `  target ${describeTarget(row.target)} ${row.unit}${verdict}` : ''
  return [`  ${row.name.padEnd(44)} ${fmt(row.value).padStart(13)} ${row.unit}${target}${note}`]
}

/** The exit code of a bench that met every target it measured but could not measure them all. */
export const SKIPPED_EXIT = 3

/** Prints the table (or its JSON with --json); exit code 1 when a target was missed, else SKIPPED_EXIT when a figure was skipped. */
export function finish(table, args = parseArgs()) {
  console.log(args.json ? JSON.stringify(table.toJSON(), null, 2) : table.format())
  if (!table.isMet()) process.exitCode = 1
  else if (table.listSkipped().length > 0) process.exitCode = SKIPPED_EXIT
}
