/**
 * Reading the values of command-line options (durations, shards, report formats, the timeout scale; var files
 * in var-file-option.ts) with the stages' own rules, so the commands parse arguments without knowing the stages.
 */
import { DEFAULT_LATENCY_THRESHOLD_MS } from '../diff/diff-runs.js'
import type { Shard } from '../model/suite.js'
import { parseShard } from '../plan/shard.js'
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from '../report/report-formats.js'
import { formatDuration, isTimeoutScale, MAX_TIMEOUT_SCALE, MIN_TIMEOUT_SCALE, parseDuration } from '../sequence/duration.js'
import { parseListenUrl } from '../sim/serve-tcp.js'
import { readRunRecord } from '../diff/read-run-record.js'
import type { RunRecord } from '../model/run-record.js'

export { DEFAULT_LATENCY_THRESHOLD_MS, REPORT_FORMATS, type ReportFormat }

/** An option's value, or a hint saying what the option takes. */
export type OptionValue<T> = { ok: true; value: T } | { ok: false; hint: string }

/** `500ms`, `30s`, `2m` in milliseconds. */
export function readDurationOption(text: string): OptionValue<number> {
  try {
    return { ok: true, value: parseDuration(text) }
  } catch (error) {
    return { ok: false, hint: (error as Error).message }
  }
}

/** `previous.json`: the JSON report of an earlier run, read and checked for its shape. */
export function readBaselineOption(path: string): OptionValue<RunRecord> {
  const read = readRunRecord(path)
  return read.ok ? { ok: true, value: read.record } : { ok: false, hint: read.message }
}

/** `i/n`: the i-th of n parts of a plan. */
export function readShardOption(text: string): OptionValue<Shard> {
  const parsed = parseShard(text)
  return parsed.ok ? { ok: true, value: parsed.shard } : { ok: false, hint: parsed.hint }
}

/** `html,junit,json`: report formats by name. */
export function readFormatsOption(text: string): OptionValue<ReportFormat[]> {
  const names = text
    .split(',')
    .map(name => name.trim())
    .filter(Boolean)
  const unknown = names.filter(name => !isReportFormat(name))
  if (unknown.length > 0) return { ok: false, hint: `unknown format ${unknown.join(', ')}; use ${REPORT_FORMATS.join(',')}` }
  return { ok: true, value: names.filter(isReportFormat) }
}

/** The factor every timeout is multiplied by, within the bounds no timer overflows. */
export function readTimeoutScaleOption(text: string): OptionValue<number> {
  const scale = Number(text)
  if (isTimeoutScale(scale)) return { ok: true, value: scale }
  return { ok: false, hint: `expected a number from ${MIN_TIMEOUT_SCALE} to ${MAX_TIMEOUT_SCALE}, e.g. 2 or 0.5` }
}

/** The URL schemes the MQTT client behind `--broker` connects with. */
const BROKER_SCHEMES = ['mqtt:', 'mqtts:', 'tcp:', 'tls:', 'ssl:', 'ws:', 'wss:']

/** `mqtt://host:1883`, `mqtts://user:pass@host:8883`: a broker URL with a scheme the MQTT client speaks and a host. */
export function readBrokerUrlOption(text: string): OptionValue<string> {
  const hint = `expected a broker URL such as mqtt://host:1883 or mqtts://host:8883, got '${text}'`
  if (!URL.canParse(text)) return { ok: false, hint }
  const url = new URL(text)
  return BROKER_SCHEMES.includes(url.protocol) && url.hostname !== '' ? { ok: true, value: text } : { ok: false, hint }
}

/** `tcp://127.0.0.1:7000` (port 0: any free one): where `atseq sim` listens. */
export function readListenOption(text: string): OptionValue<string> {
  if (parseListenUrl(text) !== undefined) return { ok: true, value: text }
  return { ok: false, hint: `expected tcp://host:port (IPv6 in brackets, port 0 for any free one), got '${text}'` }
}

/** A duration as the help shows a default: `30s`, `200ms`. */
export function describeDurationDefault(ms: number): string {
  return formatDuration(ms)
}
