/**
 * The one way atseq shows a measured or configured duration to a person (console, text reports, failure reasons,
 * error messages): whole milliseconds below a second, then seconds with one decimal, then minutes and hours, so
 * `29982.601066` ms reads `30.0 s`.
 */

/** `850 ms`, `30.0 s`, `2 min 05 s`, `1 h 02 min`; negative and non-finite values read `0 ms`. */
export function formatDisplayDuration(durationMs: number): string {
  const ms = Number.isFinite(durationMs) ? Math.max(0, Math.round(durationMs)) : 0
  if (ms < 1000) return `${ms} ms`
  // 59.96 s would round up to "60.0 s": from there on minutes read better.
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} s`
  const totalSeconds = Math.round(ms / 1000)
  if (totalSeconds < 3600) return `${Math.floor(totalSeconds / 60)} min ${pad2(totalSeconds % 60)} s`
  const totalMinutes = Math.round(totalSeconds / 60)
  return `${Math.floor(totalMinutes / 60)} h ${pad2(totalMinutes % 60)} min`
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}
