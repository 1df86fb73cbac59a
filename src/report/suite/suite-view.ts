/**
 * The suite index's view model, built from the suite record only: the verdict, the environment
 * (atseq version, devices with their identities and firmware), the runs that did not pass across all
 * devices, and one section per device with a row per sequence, failures first, each linking to the
 * failing step of its run report.
 */
import type { StepResult } from '../../model/run-record.js'
import type { SuiteRecord, SuiteRun } from '../../model/suite-record.js'
import { formatDurationMs } from '../text/format-duration.js'
import { buildContentSecurityPolicy } from '../content-security-policy.js'
import { toSafeHref } from '../safe-href.js'

export interface SuiteRowView {
  status: string
  sequence: string
  file: string
  device: string
  role: string
  /** The sequence's tags, one per line (the page's tag filter reads them). */
  tags: string
  duration: string
  /** `9 AT+CMQTTPUB=0,1,60: expected ...` for a run that did not pass. */
  failure?: string
  /** The run report, at its failing step when there is one. */
  link?: string
}

export interface SuiteDeviceView {
  name: string
  url: string
  status: string
  manufacturer: string
  model: string
  revision: string
  imei: string
  /** `5 passed, 1 failed` over this device's sequences. */
  summary: string
  /** This device's runs (setup, sequences, teardown), failures first, then plan order. */
  rows: SuiteRowView[]
}

export interface SuiteView {
  /** The page's Content-Security-Policy. */
  csp: string
  title: string
  status: string
  exitCode: number
  startedAt: string
  duration: string
  atseqVersion: string
  suiteFile: string
  shards: string
  summary: string
  devices: SuiteDeviceView[]
  /** Every run on every device, failures first, then by device and plan order. */
  rows: SuiteRowView[]
  /** The runs that did not pass, in the same order (empty when all passed). */
  failures: SuiteRowView[]
  /** The filters the page offers: each status some run has (most severe first), and every tag of a run. */
  statusFilters: Array<{ status: string; count: number }>
  tagFilters: string[]
}

const SEVERITY: ReadonlyArray<SuiteRun['status']> = ['interrupted', 'errored', 'failed', 'skipped', 'passed']

/** Builds the index view: rows sorted failures first, then by device and plan order. */
export function buildSuiteView(record: SuiteRecord): SuiteView {
  const rows = sortFailuresFirst(
    record.runs,
    record.devices.map(device => device.name),
  ).map(buildRowView)
  return {
    csp: buildContentSecurityPolicy(),
    title: record.suite.name,
    status: record.status,
    exitCode: record.exitCode,
    startedAt: record.startedAt,
    duration: formatDurationMs(record.durationMs),
    atseqVersion: record.atseqVersion,
    suiteFile: record.suite.file ?? '',
    shards: record.shards.length === 0 ? 'unsharded' : record.shards.map(s => `${s.index}/${s.total}`).join(', '),
    summary: summarise(record),
    devices: record.devices.map(device => {
      const mine = record.runs.filter(run => run.device === device.name)
      return {
        name: device.name,
        url: device.url,
        status: device.status,
        manufacturer: device.identity.manufacturer ?? '',
        model: device.identity.model ?? '',
        revision: device.identity.revision ?? '',
        imei: device.identity.imei ?? '',
        summary: countSequences(mine) || 'no runs',
        rows: sortFailuresFirst(mine, [device.name]).map(buildRowView),
      }
    }),
    rows,
    failures: rows.filter(row => row.status !== 'passed'),
    statusFilters: SEVERITY.map(status => ({ status, count: record.runs.filter(run => run.status === status).length })).filter(
      filter => filter.count > 0,
    ),
    tagFilters: [...new Set(record.runs.flatMap(run => run.record?.sequence.tags ?? []))].sort(),
  }
}

/** Failures first (most severe first), then by device and plan order. */
function sortFailuresFirst(runs: readonly SuiteRun[], deviceOrder: readonly string[]): SuiteRun[] {
  return [...runs].sort(
    (a, b) =>
      SEVERITY.indexOf(a.status) - SEVERITY.indexOf(b.status) ||
      deviceOrder.indexOf(a.device) - deviceOrder.indexOf(b.device) ||
      a.order - b.order,
  )
}

function buildRowView(run: SuiteRun): SuiteRowView {
  const failing = findFailingStep(run)
  const failure = failing
    ? `${failing.step.no} ${failing.step.action}: ${failing.step.reason ?? failing.step.status}`
    : (run.reason ?? run.record?.endReason)
  const link = run.reportFile === undefined ? undefined : toSafeHref(run.reportFile, failing ? `step-${failing.index}` : undefined)
  return {
    status: run.status,
    sequence: run.sequence.name,
    file: run.sequence.file,
    device: run.device,
    role: run.role === 'sequence' ? '' : run.role,
    tags: (run.record?.sequence.tags ?? []).join('\n'),
    duration: formatDurationMs(run.durationMs),
    ...(run.status !== 'passed' && failure !== undefined ? { failure } : {}),
    ...(link === undefined ? {} : { link }),
  }
}

/** The first failed or errored step of a run, and its index in the record (the report's `#step-<index>`). */
export function findFailingStep(run: SuiteRun): { step: StepResult; index: number } | undefined {
  const steps = run.record?.steps ?? []
  const index = steps.findIndex(step => step.status === 'failed' || step.status === 'errored')
  const step = steps[index]
  return step === undefined ? undefined : { step, index }
}

function summarise(record: SuiteRecord): string {
  const sequences = record.runs.filter(run => run.role === 'sequence')
  return `${sequences.length} runs on ${record.devices.length} device${record.devices.length === 1 ? '' : 's'}: ${countSequences(record.runs) || 'none'}`
}

/** `12 passed, 1 failed`: the sequence runs (not setup or teardown) by status, most severe first. */
function countSequences(runs: readonly SuiteRun[]): string {
  const sequences = runs.filter(run => run.role === 'sequence')
  const count = (status: SuiteRun['status']): number => sequences.filter(run => run.status === status).length
  return SEVERITY.filter(status => count(status) > 0)
    .map(status => `${count(status)} ${status}`)
    .join(', ')
}
