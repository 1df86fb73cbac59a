/** Human-readable durations and dates for reports, independent of the machine's locale and time zone. */

/** Formats a duration: `850 ms`, `1.25 s`, `2 min 05 s`, `1 h 02 min`. */
export function formatDurationMs(durationMs: number): string {
  const ms = Math.max(0, Math.round(durationMs))
  if (ms < 1000) return `${ms} ms`
  if (ms < 60_000) return `${trimZeros((ms / 1000).toFixed(2))} s`
  const totalSeconds = Math.floor(ms / 1000)
  if (totalSeconds < 3600) return `${Math.floor(totalSeconds / 60)} min ${pad2(totalSeconds % 60)} s`
  const totalMinutes = Math.floor(totalSeconds / 60)
  return `${Math.floor(totalMinutes / 60)} h ${pad2(totalMinutes % 60)} min`
}

/** Formats an ISO 8601 instant as `YYYY-MM-DD HH:MM:SS UTC`; returns the input unchanged when it is not a date. */
export function formatInstantUtc(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

function trimZeros(fixed: string): string {
  return fixed.replace(/\.?0+$/, '')
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}
