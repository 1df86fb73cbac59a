const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m)$/
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 }

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
