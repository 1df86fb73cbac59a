const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m)$/
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 }

/** The longest duration a sequence may write (24 hours): with the largest timeout scale it still fits a timer. */
export const MAX_DURATION_MS = 24 * 60 * 60_000

/** The largest `--timeout-scale` (and suite `timeout_scale`, multiplied in); the smallest is `MIN_TIMEOUT_SCALE`. */
export const MAX_TIMEOUT_SCALE = 20
export const MIN_TIMEOUT_SCALE = 0.01

/** The longest delay a Node.js timer can hold (2^31-1 ms); anything longer fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1

/** True when a timeout scale is within [MIN_TIMEOUT_SCALE, MAX_TIMEOUT_SCALE]. */
export function isTimeoutScale(scale: number): boolean {
  return Number.isFinite(scale) && scale >= MIN_TIMEOUT_SCALE && scale <= MAX_TIMEOUT_SCALE
}

/** True when `text` is a duration atseq accepts: `500ms`, `30s`, `1.5s`, `2m`. */
export function isDuration(text: string): boolean {
  return DURATION.test(text)
}

/** Converts `500ms`, `30s`, `1.5s` or `2m` to milliseconds (rounded); throws a RangeError for anything else. */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text)
  if (match === null) throw new RangeError(`'${text}' is not a duration (write e.g. 500ms, 30s or 2m)`)
  return Math.round(Number(match[1]) * (UNIT_MS[match[2] as string] as number))
}

/** Writes milliseconds back in the shortest exact form: 500ms, 30s, 2m. */
export function formatDuration(ms: number): string {
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`
  if (ms % 1000 === 0 && ms > 0) return `${ms / 1000}s`
  return `${ms}ms`
}
