/**
 * The HTML report's view model: everything the template shows, already formatted, built
 * from the run record by small pure functions so the template only places values.
 */
import type { RunRecord, RunStatus } from '../../model/run-record.js'
import { formatDurationMs, formatInstantUtc } from '../text/format-duration.js'
import { showControlCharsDeep } from '../text/show-control-chars.js'
import { buildClientData, buildClientTranscripts, type ClientData, type ClientTranscriptEntry } from './client-data.js'
import { compareWithBaseline, type StepChange } from './compare-with-baseline.js'
import { findSkippedRuns, type SkippedRun } from './skipped-runs.js'
import { buildStepView, isFailure, isTodo, type StepView } from './step-view.js'

/** A label and its value, shown as one line of a definition list. */
export interface Field {
  label: string
  value: string
  /** Renders the value as code (monospace). */
  code?: boolean
}

export interface CountView {
  status: string
  label: string
  value: number
}

export interface FailureLink {
  anchor: string
  label: string
}

/** A failed or errored step as the summary shows it, with the steps its failure left unrun told once. */
export interface FailureRowView extends StepView {
  /** `15 steps not run after step 6 failed`, when steps were skipped right after this one. */
  skippedNote?: string
}

/** What the report can be given besides the record. */
export interface ReportOptions {
  /** An earlier run of the same sequence: steps whose status or timing changed since are marked. */
  baseline?: RunRecord
}

export interface ReportView {
  title: string
  status: RunStatus
  statusLabel: string
  sequenceName: string
  /** A sentence under the title: date, duration, device. */
  subtitle: string
  endReason?: string
  counts: CountView[]
  /** The statuses the step table can be filtered by: those with at least one step. */
  statusFilters: CountView[]
  run: Field[]
  device: Field[]
  provenance: Field[]
  failures: FailureLink[]
  /** How many failures are not listed in `failures` (the list is capped). */
  moreFailures: number
  firstFailure?: FailureLink
  /** Every failed or errored step in full, in the page itself so it reads without the script. */
  failureRows: FailureRowView[]
  /** `3 steps changed since the baseline`, when one was given. */
  baselineSummary?: string
  /**
   * What the page script renders the step table from. Its text is as recorded: the page's JSON block shows the
   * control characters (`serializeForScriptBlock`), in one pass over the text rather than a copy of every step.
   */
  data: ClientData
  /** Each step's transcript, by step index, parsed by the page only when one is opened; as recorded, like `data`. */
  transcripts: ClientTranscriptEntry[][]
}

/** How many failed/errored steps the summary links to before it says "and N more". */
export const LISTED_FAILURES_MAX = 20

const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  passed: 'PASSED',
  failed: 'FAILED',
  errored: 'ERROR',
  interrupted: 'INTERRUPTED',
}

const EXIT_CODE_MEANINGS: Record<number, string> = {
  0: 'all steps passed',
  1: 'a step failed',
  2: 'invalid input',
  3: 'infrastructure problem',
  130: 'interrupted',
}

/** Builds the whole view of a run; control characters in the text the template places are shown as `\xNN`. */
export function buildReportView(record: RunRecord, options: ReportOptions = {}): ReportView {
  const { data, transcripts, ...placed } = buildRawReportView(record, options)
  return { ...showControlCharsDeep(placed), data, transcripts }
}

function buildRawReportView(record: RunRecord, options: ReportOptions): ReportView {
  // Only the failed steps' transcripts are in the page as markup; the script draws the others from their block.
  const stepViews = record.steps.map((step, index) => buildStepView(record, step, index, isFailure(step.status)))
  const failures = stepViews.filter(isFailureView).map(toFailureLink)
  const skipped = findSkippedRuns(record.steps)
  const changes = options.baseline === undefined ? undefined : compareWithBaseline(record, options.baseline)
  return {
    title: `${record.sequence.name}: ${RUN_STATUS_LABELS[record.status] ?? record.status}`,
    status: record.status,
    statusLabel: RUN_STATUS_LABELS[record.status] ?? String(record.status),
    sequenceName: record.sequence.name,
    subtitle: describeRunBriefly(record),
    ...(record.endReason === undefined ? {} : { endReason: record.endReason }),
    counts: buildCounts(record),
    statusFilters: buildCounts(record).filter(count => count.status !== 'total' && count.value > 0),
    run: buildRunFields(record),
    device: buildDeviceFields(record),
    provenance: buildProvenanceFields(record),
    failures: failures.slice(0, LISTED_FAILURES_MAX),
    moreFailures: Math.max(0, failures.length - LISTED_FAILURES_MAX),
    ...(failures[0] === undefined ? {} : { firstFailure: failures[0] }),
    failureRows: buildFailureRows(stepViews, skipped),
    ...(changes === undefined ? {} : { baselineSummary: describeChanges(changes) }),
    data: buildClientData(stepViews, skipped, listUrcTimes(record), changes, record.durationMs),
    transcripts: buildClientTranscripts(record),
  }
}

function buildFailureRows(views: readonly StepView[], skipped: readonly SkippedRun[]): FailureRowView[] {
  const noteAfter = new Map(skipped.map(run => [run.from - 1, run.label]))
  return views.flatMap((view, index) => {
    if (!view.isFailure) return []
    const note = noteAfter.get(index)
    return [{ ...view, ...(note === undefined ? {} : { skippedNote: note }) }]
  })
}

function describeChanges(changes: ReadonlyMap<number, StepChange>): string {
  const count = changes.size
  return count === 0 ? 'No step changed since the baseline' : `${count} step${count === 1 ? '' : 's'} changed since the baseline`
}

function listUrcTimes(record: RunRecord): number[] {
  return record.steps.flatMap(step => step.received.filter(line => line.kind === 'urc').map(line => line.atMs))
}

function isFailureView(view: StepView): boolean {
  return view.isFailure
}

function toFailureLink(view: StepView): FailureLink {
  const what = view.description ?? view.command
  return { anchor: view.anchor, label: `${view.no} ${what}` }
}

function describeRunBriefly(record: RunRecord): string {
  const identity = [record.device.identity.manufacturer, record.device.identity.model].filter(Boolean).join(' ')
  const device = identity === '' ? record.device.url : `${identity} (${record.device.url})`
  return `${formatInstantUtc(record.startedAt)} · ${formatDurationMs(record.durationMs)} · ${device}`
}

function buildCounts(record: RunRecord): CountView[] {
  const total = record.steps.length
  // The record counts a todo step as errored; the page names it for what it is.
  const todo = record.steps.filter(isTodo).length
  return [
    { status: 'total', label: 'Steps', value: total },
    { status: 'passed', label: 'Passed', value: record.counts.passed },
    { status: 'failed', label: 'Failed', value: record.counts.failed },
    { status: 'errored', label: 'Errors', value: record.counts.errored - todo },
    ...(todo > 0 ? [{ status: 'todo', label: 'Todo', value: todo }] : []),
    { status: 'skipped', label: 'Skipped', value: record.counts.skipped },
  ]
}

function buildRunFields(record: RunRecord): Field[] {
  return compactFields([
    { label: 'Sequence', value: record.sequence.name },
    { label: 'System', value: record.sequence.system },
    { label: 'Source', value: record.sequence.source },
    { label: 'Tags', value: record.sequence.tags.join(', ') },
    { label: 'Started', value: formatInstantUtc(record.startedAt) },
    { label: 'Duration', value: formatDurationMs(record.durationMs) },
    { label: 'Status', value: RUN_STATUS_LABELS[record.status] ?? String(record.status) },
    { label: 'Exit code', value: describeExitCode(record.exitCode) },
    { label: 'Ended early', value: record.endReason },
  ])
}

/** Says what an exit code means: `1 (a step failed)`. */
export function describeExitCode(exitCode: number): string {
  const meaning = EXIT_CODE_MEANINGS[exitCode]
  return meaning === undefined ? String(exitCode) : `${exitCode} (${meaning})`
}

function buildDeviceFields(record: RunRecord): Field[] {
  const { identity } = record.device
  return compactFields([
    { label: 'Device', value: record.device.url, code: true },
    { label: 'Manufacturer', value: identity.manufacturer },
    { label: 'Model', value: identity.model },
    { label: 'Firmware', value: identity.revision, code: true },
    { label: 'IMEI', value: identity.imei, code: true },
  ])
}

function buildProvenanceFields(record: RunRecord): Field[] {
  return compactFields([
    { label: 'atseq', value: record.atseqVersion },
    { label: 'Sequence file', value: record.sequence.file, code: true },
    { label: 'sha256', value: record.sequence.sha256, code: true },
    { label: 'Port settings', value: formatSettings(record.device.settings), code: true },
    { label: 'Command line', value: formatCommandLine(record.commandLine), code: true },
  ])
}

/** Formats port settings as `key=value` pairs in their recorded order. */
export function formatSettings(settings: RunRecord['device']['settings']): string {
  const pairs = Object.entries(settings).map(([key, value]) => `${key}=${String(value)}`)
  return pairs.length === 0 ? '(none)' : pairs.join(' ')
}

/** Joins a command line, quoting arguments a shell would split or interpret. */
export function formatCommandLine(args: readonly string[]): string {
  return args.map(quoteShellArgument).join(' ')
}

function quoteShellArgument(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg
  return `'${arg.replace(/'/g, `'\\''`)}'`
}

function compactFields(fields: Array<{ label: string; value: string | undefined; code?: boolean }>): Field[] {
  return fields.filter((field): field is Field => field.value !== undefined && field.value !== '')
}
