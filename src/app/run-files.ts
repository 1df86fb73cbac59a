/**
 * `atseq run` over files, folders and suites: load and validate everything first (nothing runs
 * when any file is invalid), plan (suite globs and tags, `--tag`/`--grep`, devices, `--shard`),
 * then run the plan on every device in parallel (each device's sequences one after another),
 * print progress, and for a suite, several devices or a shard, write the suite report.
 */
import { setMaxListeners } from 'node:events'
import { join, relative } from 'node:path'
import { buildPlan, resolveRunDeviceUrl, resolveRunVars } from '../plan/build-plan.js'
import { checkUniqueNames, loadDevicesFile, parseDeviceArgument } from '../plan/device-list.js'
import type { DeviceSpec, Plan, PlanEntry, Shard, Suite } from '../model/suite.js'
import {
  combineStatus,
  summariseDevice,
  worstExitCode,
  SUITE_RECORD_SCHEMA_VERSION,
  type SuiteRecord,
  type SuiteRun,
} from '../model/suite-record.js'
import { ConsoleProgress } from '../report/console/console-progress.js'
import { writeSuiteReports } from '../report/suite/write-suite-reports.js'
import { formatDiagnostic, type Diagnostic } from '../model/diagnostic.js'
import { checkPlanValues, checkTimeoutScale, prepareReportDir } from './check-run-inputs.js'
import type { Sequence } from '../model/sequence.js'
import type { SimModem } from '../sim/sim-modem.js'
import { reportCrashes } from './report-crashes.js'
import { EXIT } from '../model/exit-code.js'
import { createRunMasker } from './create-run-masker.js'
import { runSequenceFile, type RunSequenceOptions, type SequenceRun } from './run-sequence-file.js'
import { describeRunGroups, groupRunInputs, type RunGroup } from './group-run-inputs.js'
import { classifyInputs, loadFiles, loadSuiteFiles } from './load-run-inputs.js'

export interface RunFilesOptions extends Omit<
  RunSequenceOptions,
  'events' | 'device' | 'onSimModem' | 'brokerUsers' | 'reportBaseName' | 'onTranscriptEntry'
> {
  /** `--device` values (`url` or `name=url`); none: the devices file, the suite's `device:`, else `sim://simcom-a76xx`. */
  devices: string[]
  /** A YAML/JSON file listing devices: `devices: [{ name, url, vars }]`. */
  devicesFile?: string
  /** Run only this part of the plan's sequences. */
  shard?: Shard
  /** Run only sequences with one of these tags (none: all). */
  tags: string[]
  /** Never run sequences with one of these tags (default none). */
  excludeTags?: string[]
  /** Run only sequences whose name or file matches this pattern. */
  grep?: RegExp
  /** Stop a device after its first sequence that does not pass. */
  bail: boolean
  progress: ConsoleProgress
  /** A progress printer per device when several run at once (their lines interleave); default `progress`. */
  progressFor?: (device: DeviceSpec) => ConsoleProgress
  /** Where diagnostics go. */
  writeError: (text: string) => void
  /** Print the stack trace of an atseq bug (`--debug`). */
  debug?: boolean
  /** Receives each simulated modem with the device it belongs to (tests inject faults through it). */
  onSimModem?: (modem: SimModem, device: DeviceSpec) => void
}

export interface RunFilesResult {
  exitCode: number
  runs: SequenceRun[]
  /** The suite record, when a suite, several devices or a shard ran. */
  suite?: SuiteRecord
  /** Where the suite reports were written. */
  suiteReportPaths?: string[]
  /** For a folder of nested suites: each suite's record and reports, in the order they ran. */
  suites?: Array<{ record: SuiteRecord; reportPaths: string[] }>
}

const DEFAULT_DEVICE = 'sim://simcom-a76xx'

/** Runs the plan; the exit code is the worst of all runs (130 > 3 > 2 > 1 > 0). */
export async function runFiles(paths: string[], options: RunFilesOptions): Promise<RunFilesResult> {
  const groups = await groupRunInputs(paths)
  const result = groups === undefined ? await runPlanned(paths, options) : await runGroups(groups, options)
  reportCrashes(result.runs, options)
  return result
}

/** Each nested suite as that suite, then the loose files, one after another, each with its reports in a folder of its own. */
async function runGroups(groups: readonly RunGroup[], options: RunFilesOptions): Promise<RunFilesResult> {
  options.progress.announce(`${describeRunGroups(groups)}\n`)
  const results: RunFilesResult[] = []
  for (const group of groups) {
    if (options.signal.aborted) break
    const paths = group.kind === 'suite' ? [group.file] : group.files
    const folder = group.kind === 'suite' ? relative('.', group.folder).split(/[\\/]/).filter(Boolean).join('-') || 'suite' : 'loose'
    const result = await runPlanned(paths, { ...options, reportDir: join(options.reportDir, folder) }, { skipWhenEmpty: true })
    if (result.exitCode === EXIT.invalidInput && result.runs.length === 0) return result
    results.push(result)
  }
  if (results.every(result => result.runs.length === 0)) {
    options.writeError('atseq: no sequence matches the given files, --tag, --exclude-tag and --grep\n')
    return { exitCode: EXIT.invalidInput, runs: [] }
  }
  return {
    exitCode: worstExitCode(results.map(result => result.exitCode)),
    runs: results.flatMap(result => result.runs),
    suites: results.flatMap(result => (result.suite ? [{ record: result.suite, reportPaths: result.suiteReportPaths ?? [] }] : [])),
  }
}

async function runPlanned(paths: string[], options: RunFilesOptions, how: { skipWhenEmpty?: boolean } = {}): Promise<RunFilesResult> {
  const planned = await planRun(paths, options, how)
  if (!planned.ok) return { exitCode: planned.empty === true ? EXIT.passed : EXIT.invalidInput, runs: [] }
  const { plan, suite } = planned
  const startedAt = new Date()
  // Every device's steps listen on the same Ctrl-C signals: many devices are not a leak.
  setMaxListeners(10 + plan.devices.length * 8, options.signal, options.teardownSignal)
  const perDevice = await Promise.all(plan.devices.map(device => runDevice(plan, device, suite, options)))
  const suiteRuns = perDevice.flat()
  const runs = suiteRuns.flatMap(run => (run.run ? [run.run] : []))
  const exitCode = worstExitCode(suiteRuns.map(run => run.entry.exitCode))
  if (!isSuiteRun(plan)) return { exitCode, runs }
  const record = buildSuiteRecord(
    plan,
    suite,
    suiteRuns.map(run => run.entry),
    startedAt,
    options,
  )
  const suiteReportPaths = await writeSuiteReports(record, { dir: options.reportDir, formats: options.formats })
  return { exitCode, runs, suite: record, suiteReportPaths }
}

/** A suite, several devices or a shard get a suite report; one device running plain files keeps the per-sequence reports only. */
function isSuiteRun(plan: Plan): boolean {
  return plan.suiteFile !== undefined || plan.devices.length > 1 || plan.shard !== undefined
}

type Planned = { ok: true; plan: Plan; suite?: Suite } | { ok: false; empty?: true }

async function planRun(paths: string[], options: RunFilesOptions, how: { skipWhenEmpty?: boolean }): Promise<Planned> {
  const reportDirProblem = prepareReportDir(options.reportDir)
  if (reportDirProblem !== undefined) {
    options.writeError(`atseq: --report-dir ${options.reportDir}: ${reportDirProblem}\n`)
    return { ok: false }
  }
  const inputs = await classifyInputs(paths)
  const report = (diagnostics: readonly Diagnostic[]): boolean => {
    for (const d of diagnostics.filter(x => x.severity === 'error')) options.writeError(`${formatDiagnostic(d)}\n`)
    return diagnostics.some(d => d.severity === 'error')
  }
  if (inputs.suites.length > 1 || (inputs.suites.length === 1 && inputs.others.length > 0)) {
    options.writeError('atseq: give one suite, or sequence files and folders, not both\n')
    return { ok: false }
  }
  const loaded =
    inputs.suites[0] === undefined ? await loadFiles(inputs.others, options.writeError) : await loadSuiteFiles(inputs.suites[0])
  if (report(loaded.diagnostics) || loaded.sequences === undefined) return { ok: false }
  const devices = await listDevices(options, loaded.suite)
  if (report(devices.diagnostics)) return { ok: false }
  const sequences = loaded.sequences.filter(({ sequence }) => isSelected(sequence, options))
  const plan = buildPlan({
    name: loaded.suite?.name ?? describeFiles(paths),
    sequences,
    devices: devices.devices,
    ...(loaded.suite ? { suite: loaded.suite } : {}),
    ...(loaded.setup ? { setup: loaded.setup } : {}),
    ...(loaded.teardown ? { teardown: loaded.teardown } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
  })
  if (report(checkPlanValues(plan, loaded.suite, options.vars))) return { ok: false }
  const scaleProblem = checkTimeoutScale(options.timeoutScale, loaded.suite)
  if (scaleProblem !== undefined) {
    options.writeError(`atseq: ${scaleProblem}\n`)
    return { ok: false }
  }
  if (plan.plannedSequences === 0) {
    if (how.skipWhenEmpty === true) return { ok: false, empty: true }
    options.writeError('atseq: no sequence matches the given files, --tag, --exclude-tag and --grep\n')
    return { ok: false }
  }
  return { ok: true, plan, ...(loaded.suite ? { suite: loaded.suite } : {}) }
}

async function listDevices(
  options: RunFilesOptions,
  suite: Suite | undefined,
): Promise<{ devices: DeviceSpec[]; diagnostics: Diagnostic[] }> {
  const fromFile = options.devicesFile === undefined ? { devices: [], diagnostics: [] } : await loadDevicesFile(options.devicesFile)
  const named = options.devices.map((text, index) => parseDeviceArgument(text, fromFile.devices.length + index + 1))
  const devices = [...fromFile.devices, ...named]
  if (devices.length === 0) devices.push({ name: 'device-1', url: suite?.device ?? DEFAULT_DEVICE, vars: {} })
  const at = { file: options.devicesFile ?? '--device', line: 1, col: 1 }
  return { devices, diagnostics: [...fromFile.diagnostics, ...checkUniqueNames(devices, at)] }
}

function isSelected(sequence: Sequence, options: RunFilesOptions): boolean {
  const tagged =
    (options.tags.length === 0 || options.tags.some(tag => sequence.tags.includes(tag))) &&
    !(options.excludeTags ?? []).some(tag => sequence.tags.includes(tag))
  const named = options.grep === undefined || options.grep.test(sequence.name) || options.grep.test(sequence.file)
  return tagged && named
}

function describeFiles(paths: string[]): string {
  return paths.join(', ')
}

interface DeviceRun {
  entry: SuiteRun
  run?: SequenceRun
}

/** One device's part of the plan: setup, sequences, teardown, one after another. */
async function runDevice(plan: Plan, device: DeviceSpec, suite: Suite | undefined, options: RunFilesOptions): Promise<DeviceRun[]> {
  const progress = plan.devices.length > 1 && options.progressFor ? options.progressFor(device) : options.progress
  const reportDir = plan.devices.length > 1 ? join(options.reportDir, device.name) : options.reportDir
  const sequences = plan.entries.filter(entry => entry.role === 'sequence')
  const results: DeviceRun[] = []
  let stop: Skip | undefined
  for (const entry of plan.entries) {
    const skip = entry.role === 'teardown' ? undefined : (stop ?? (options.signal.aborted ? INTERRUPTED : undefined))
    if (skip !== undefined) {
      results.push({ entry: skippedRun(device, entry, skip) })
      continue
    }
    if (entry.role === 'sequence')
      progress.sequenceStarted(sequences.indexOf(entry), sequences.length, entry.sequence.name, entry.sequence.file)
    else progress.sequenceStarted(0, 1, `${entry.role}: ${entry.sequence.name}`, entry.sequence.file)
    const { onSimModem, ...shared } = options
    const run = await runSequenceFile(entry.sequence, {
      ...shared,
      device: resolveRunDeviceUrl(entry, device),
      reportDir,
      vars: resolveRunVars(entry, device, suite, options.vars),
      timeoutScale: options.timeoutScale * (suite?.timeoutScale ?? 1),
      events: {
        onStepStart: (phase, step) => progress.stepStarted(phase, step),
        onAttemptStart: (phase, step, attempt) => progress.attemptStarted(phase, step, attempt),
        onStepEnd: step => progress.stepEnded(step),
      },
      onTranscriptEntry: entry => progress.transcriptEntry(entry),
      ...(onSimModem ? { onSimModem: (modem: SimModem) => onSimModem(modem, device) } : {}),
      ...(entry.broker?.users ? { brokerUsers: entry.broker.users } : {}),
    })
    progress.sequenceEnded(run.record, run.reportPaths, run.baseline)
    results.push({ entry: completedRun(device, entry, run, options.reportDir), run })
    const passed = run.record.status === 'passed'
    // A skip after a failed setup or --bail is not a verdict of its own: the run that caused it carries the exit code.
    if (entry.role === 'setup' && !passed) stop = { reason: `the suite setup failed on ${device.name}`, exitCode: EXIT.passed }
    else if (options.bail && !passed) stop = { reason: `--bail: ${entry.sequence.name} did not pass`, exitCode: EXIT.passed }
  }
  return results
}

function completedRun(device: DeviceSpec, entry: PlanEntry, run: SequenceRun, suiteDir: string): SuiteRun {
  const html = run.reportPaths.find(path => path.endsWith('.html'))
  return {
    device: device.name,
    role: entry.role,
    order: entry.order,
    sequence: { name: entry.sequence.name, file: entry.sequence.file },
    status: run.record.status,
    exitCode: run.record.exitCode,
    durationMs: run.record.durationMs,
    ...(html ? { reportFile: relative(suiteDir, html).split('\\').join('/') } : {}),
    record: run.record,
  }
}

/** Why a run is not made, and the exit code the skip itself carries. */
interface Skip {
  reason: string
  exitCode: number
}

const INTERRUPTED: Skip = { reason: 'the run was interrupted', exitCode: EXIT.interrupted }

function skippedRun(device: DeviceSpec, entry: PlanEntry, { reason, exitCode }: Skip): SuiteRun {
  return {
    device: device.name,
    role: entry.role,
    order: entry.order,
    sequence: { name: entry.sequence.name, file: entry.sequence.file },
    status: 'skipped',
    exitCode,
    durationMs: 0,
    reason,
  }
}

function buildSuiteRecord(plan: Plan, suite: Suite | undefined, runs: SuiteRun[], startedAt: Date, options: RunFilesOptions): SuiteRecord {
  const exitCode = worstExitCode(runs.map(run => run.exitCode))
  const masker = createRunMasker(undefined, options)
  return {
    schemaVersion: SUITE_RECORD_SCHEMA_VERSION,
    kind: 'atseq-suite',
    atseqVersion: options.atseqVersion,
    suite: { name: plan.name, ...(suite ? { file: suite.file, sha256: suite.sha256 } : {}) },
    commandLine: options.commandLine.map(arg => masker.mask(arg)),
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    status: combineStatus(
      runs.map(run => run.status),
      exitCode,
    ),
    exitCode,
    shards: plan.shard ? [plan.shard] : [],
    plannedSequences: plan.plannedSequences,
    devices: plan.devices.map(device => summariseDevice(device.name, masker.mask(device.url), runs)),
    runs,
  }
}

/** `12 passed, 1 failed on 4 devices`: the sequence runs of a suite record by status. */
export function describeSuiteCounts(record: SuiteRecord): string {
  const count = (status: SuiteRun['status']): number => record.runs.filter(run => run.role === 'sequence' && run.status === status).length
  const parts = (['passed', 'failed', 'errored', 'skipped', 'interrupted'] as const).filter(s => count(s) > 0).map(s => `${count(s)} ${s}`)
  return `${parts.join(', ')} on ${record.devices.length} device${record.devices.length === 1 ? '' : 's'}`
}
export { ConsoleProgress }
