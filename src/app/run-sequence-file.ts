/**
 * One sequence from start to report: open the device, read its identity, run the phases,
 * write the reports. The transcript is streamed to disk as the run goes and the reports are
 * written in a `finally`, so a failure, a dropped port or Ctrl-C still leaves them behind.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Masker } from '../record/masker.js'
import { createRunMasker, listSecretNames } from './create-run-masker.js'
import { Recorder } from '../record/recorder.js'
import type { RecordedBrokerMessage, RunRecord, TranscriptEntry } from '../model/run-record.js'
import { recordSkippedStep } from '../run/run-step.js'
import { writeReports, type ReportFormat } from '../report/write-reports.js'
import type { Sequence } from '../model/sequence.js'
import type { SimModem } from '../sim/sim-modem.js'
import { DeviceError, DeviceUsageError, openDeviceSession, type DeviceSession } from './device-session.js'
import { identifyDevice } from '../run/identify-device.js'
import { renderMatcher } from '../run/render-step.js'
import type { RunContext, RunEvents } from '../run/run-context.js'
import { EXIT } from '../model/exit-code.js'
import { runSequence, type RunVerdict } from '../run/run-sequence.js'

export interface RunSequenceOptions {
  /** Device URL: a serial path, `serial://`, `tcp://`, `sim://<profile>`. */
  device: string
  /** `--var k=v`, overriding the file's vars. */
  vars: Record<string, string>
  /** curl-style `host:port=addr:port` rules for the simulator's network. */
  resolve: string[]
  /** A broker of the user's own for server-side checks (`mqtt://`, `mqtts://`); the simulator starts one otherwise. */
  brokerUrl?: string
  reportDir: string
  formats: ReportFormat[]
  timeoutScale: number
  /** Mask IMEI/IMSI/ICCID/MSISDN in every output (default true); secrets are masked either way. */
  maskIdentifiers: boolean
  /** Names of vars to treat as secret beyond those the file marks (`--secret`, `--secret-var`). */
  secretNames?: string[]
  /** Read ATI / AT+CGMR / AT+CGSN before the steps (default true). */
  identify: boolean
  atseqVersion: string
  commandLine: string[]
  /** Aborted on the first Ctrl-C. */
  signal: AbortSignal
  /** Aborted on the second Ctrl-C: teardown gives up too. */
  teardownSignal: AbortSignal
  events: RunEvents
  /** Receives the simulated modem of a `sim://` run (tests inject faults through it). */
  onSimModem?: (modem: SimModem) => void
  /** When set, the embedded broker accepts only these user names with these passwords. */
  brokerUsers?: Record<string, string>
  /** Base name of the report files; default `<file stem>-<UTC time>`. */
  reportBaseName?: string
  /** An earlier run (`--baseline`): the reports of a run of the same sequence mark what changed since. */
  baseline?: RunRecord
  /** Receives each transcript entry, masked as the reports mask it, while the run goes (`--verbose`). */
  onTranscriptEntry?: (entry: TranscriptEntry) => void
}

export interface SequenceRun {
  record: RunRecord
  reportPaths: string[]
  /** The error of an atseq bug that ended the run (exit 70), for `--debug`. */
  crash?: Error
  /** The baseline run this run was compared with, when `--baseline` named a run of the same sequence. */
  baseline?: RunRecord
}

/** Runs one loaded sequence on a device and writes its reports; never throws for modem or link trouble. */
export async function runSequenceFile(sequence: Sequence, options: RunSequenceOptions): Promise<SequenceRun> {
  mkdirSync(options.reportDir, { recursive: true })
  const baseName = options.reportBaseName ?? reportBaseName(sequence)
  const masker = createRunMasker(sequence, options)
  const transcriptPath = join(options.reportDir, `${baseName}.transcript.txt`)
  const recorder = new Recorder({
    header: {
      atseqVersion: options.atseqVersion,
      sequence: {
        name: sequence.name,
        file: sequence.file,
        sha256: sequence.sha256,
        tags: sequence.tags,
        ...(sequence.system === undefined ? {} : { system: sequence.system }),
        ...(sequence.source === undefined ? {} : { source: sequence.source }),
      },
      device: { url: masker.mask(options.device), settings: {}, identity: {} },
      commandLine: options.commandLine.map(arg => masker.mask(arg)),
    },
    masker,
    transcriptPath,
    ...(options.onTranscriptEntry ? { onEntry: options.onTranscriptEntry } : {}),
  })
  const { verdict, brokerMessages } = await runOnDevice(sequence, options, recorder, masker)
  const finished = recorder.finish(verdict.status, verdict.exitCode, verdict.endReason)
  const record: RunRecord = brokerMessages.length > 0 ? { ...finished, broker: { messages: brokerMessages } } : finished
  const baseline = isSameSequence(options.baseline, sequence) ? { baseline: options.baseline } : {}
  const written = await writeReports(record, { dir: options.reportDir, formats: options.formats, baseName, ...baseline })
  const crash = verdict.crash === undefined ? {} : { crash: verdict.crash }
  return { record, reportPaths: [...written.map(report => report.path), transcriptPath], ...crash, ...baseline }
}

/** A baseline is compared only with a run of its own sequence (same file or same name): several files may run at once. */
function isSameSequence(baseline: RunRecord | undefined, sequence: Sequence): baseline is RunRecord {
  return baseline !== undefined && (baseline.sequence.file === sequence.file || baseline.sequence.name === sequence.name)
}

/** Runs on the device; also returns what the run's broker saw (kept so a replay can judge broker checks). */
async function runOnDevice(
  sequence: Sequence,
  options: RunSequenceOptions,
  recorder: Recorder,
  masker: Masker,
): Promise<{ verdict: RunVerdict; brokerMessages: RecordedBrokerMessage[] }> {
  let session: DeviceSession | undefined
  let verdict: RunVerdict
  try {
    session = await openDeviceSession({
      url: options.device,
      resolve: options.resolve,
      recorder,
      masker,
      ...(sequence.device === undefined ? {} : { profile: sequence.device }),
      ...(options.onSimModem ? { onSimModem: options.onSimModem } : {}),
      ...(options.brokerUrl === undefined ? {} : { brokerUrl: options.brokerUrl }),
      ...(options.brokerUsers === undefined ? {} : { brokerUsers: options.brokerUsers }),
    })
    recorder.setDeviceSettings(session.settings)
    const ctx = createContext(sequence, options, session, recorder, masker)
    if (options.identify) recorder.recordIdentity(await identifyDevice(session.chat, options.signal))
    verdict = await runSequence(ctx, options.teardownSignal)
  } catch (error) {
    if (!(error instanceof DeviceError || error instanceof DeviceUsageError)) {
      // A bug in atseq: the reports are still written, marked crashed, so the run's evidence is not lost.
      const crash = error instanceof Error ? error : new Error(String(error))
      const endReason = `crashed: ${crash.message}`
      recorder.recordNote(`atseq ${endReason}`)
      return { verdict: { status: 'errored', exitCode: EXIT.internal, endReason, crash }, brokerMessages: await closeSession(session) }
    }
    recorder.recordNote(error.message)
    skipAll(sequence, recorder, options.events, error.message)
    const exitCode = error instanceof DeviceUsageError ? EXIT.invalidInput : EXIT.infrastructure
    verdict = { status: 'errored', exitCode, endReason: error.message }
  }
  return { verdict, brokerMessages: await closeSession(session) }
}

/** Closes the session (when one was opened) and returns what its broker received. */
async function closeSession(session: DeviceSession | undefined): Promise<RecordedBrokerMessage[]> {
  const messages = session?.brokerMessages() ?? []
  await session?.close()
  return messages
}

function createContext(
  sequence: Sequence,
  options: RunSequenceOptions,
  session: DeviceSession,
  recorder: Recorder,
  masker: Masker,
): RunContext {
  // The session's vars (the embedded broker's certificates) come first: the file and the command line override them.
  const vars = {
    ...session.vars,
    ...Object.fromEntries(Object.entries(sequence.vars).map(([name, v]) => [name, v.value])),
    ...options.vars,
  }
  const ctx: RunContext = {
    sequence,
    chat: session.chat,
    family: session.family,
    recorder,
    masker,
    vars,
    secretNames: listSecretNames(sequence, options),
    abort: [],
    timeoutScale: options.timeoutScale,
    signal: options.signal,
    events: options.events,
    ...(session.broker ? { broker: session.broker } : {}),
    ...(session.servers ? { servers: session.servers } : {}),
  }
  ctx.abort = sequence.abort.flatMap(matcher => (matcher.kind === 'absent' ? [] : [renderMatcher(matcher, ctx)]))
  return ctx
}

/** When the device cannot be opened, every step is recorded as skipped with the reason. */
function skipAll(sequence: Sequence, recorder: Recorder, events: RunEvents, reason: string): void {
  for (const phase of ['setup', 'steps', 'teardown'] as const) {
    for (const step of sequence[phase]) recordSkippedStep(phase, step, { recorder, events, action: step.action.kind, reason })
  }
}

/** `mqtts-not-verify-server-20261125T120102123Z`: the file's name and the run's UTC time, safe in any file system. */
function reportBaseName(sequence: Sequence): string {
  const stem = (sequence.file.split(/[\\/]/).pop() ?? 'sequence').replace(/\.ya?ml$/i, '')
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('.', '')
  return `${stem}-${stamp}`
}
