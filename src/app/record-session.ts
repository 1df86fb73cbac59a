/**
 * `atseq record`: opens the device (with the embedded broker for the simulator, as a run does), captures a
 * session from a script or the interactive terminal, then writes the sequence draft (and, if asked, the
 * session's masked transcript as a JSON record `replay://` can play), and checks the draft: it must load
 * and lint clean.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { Masker } from '../record/masker.js'
import { Recorder } from '../record/recorder.js'
import type { RunRecord } from '../model/run-record.js'
import { openDeviceSession, type DeviceSession } from './device-session.js'
import { lintSequence, loadSequence, type Diagnostic } from '../sequence/index.js'
import { CaptureSession } from '../capture/capture-session.js'
import { liftDraftSecrets } from '../capture/draft-secrets.js'
import { buildDraftSteps, type DraftStep } from '../capture/draft-steps.js'
import type { ScriptItem } from '../capture/capture-script.js'
import { writeDraft } from '../capture/write-draft.js'

export interface RecordOptions {
  device: string
  /** Where the draft goes. */
  outputPath: string
  /** Where the session's JSON record goes, for `replay://`; none when undefined. */
  sessionPath?: string
  /** The sequence's name; default the output file's name. */
  name?: string
  /** The chat profile; default the simulator's profile, else generic. */
  profile?: string
  resolve: string[]
  brokerUrl?: string
  commandTimeoutMs: number
  /** In script mode: how long to wait for a command's result URC, then for quiet. */
  resultUrcTimeoutMs: number
  quietMs: number
  atseqVersion: string
  signal: AbortSignal
}

/** What drives the session: a script, or a person at the terminal (given the open session, resolves when they end). */
export type SessionDriver =
  { kind: 'script'; items: ScriptItem[] } | { kind: 'interactive'; run: (capture: CaptureSession) => Promise<'end' | 'discard'> }

export type RecordOutcome =
  | {
      kind: 'written'
      outputPath: string
      sessionPath?: string
      steps: number
      diagnostics: Diagnostic[]
      /** Steps marked for review in the draft (a command that got no answer), one sentence each. */
      reviews: string[]
    }
  | { kind: 'discarded' }

/** Records a session and writes its draft; throws DeviceError/DeviceUsageError when the device cannot be opened. */
export async function recordSession(options: RecordOptions, driver: SessionDriver): Promise<RecordOutcome> {
  const masker = new Masker()
  const recorder = new Recorder({ header: sessionHeader(options), masker })
  const session = await openDeviceSession({
    url: options.device,
    resolve: options.resolve,
    recorder,
    masker,
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.brokerUrl === undefined ? {} : { brokerUrl: options.brokerUrl }),
  })
  const capture = new CaptureSession({
    chat: session.chat,
    profile: session.chatProfile,
    commandTimeoutMs: options.commandTimeoutMs,
    clock: () => recorder.elapsedMs(),
  })
  try {
    const ending = driver.kind === 'script' ? await playScript(capture, driver.items, options) : await driver.run(capture)
    if (ending === 'discard') return { kind: 'discarded' }
    recorder.setDeviceSettings(session.settings)
    return await writeOutputs(capture, session, recorder, options)
  } finally {
    capture.close()
    await session.close()
  }
}

async function playScript(capture: CaptureSession, items: readonly ScriptItem[], options: RecordOptions): Promise<'end'> {
  for (const item of items) {
    if (options.signal.aborted) break
    if (item.kind === 'wait') await capture.listen(item.durationMs, options.signal)
    else {
      const exchange =
        item.kind === 'command'
          ? await capture.sendCommand(item.text, options.signal)
          : await capture.sendData(item.text, item.end, options.signal)
      if (exchange.outcome !== 'prompt') await capture.settle(options.resultUrcTimeoutMs, options.quietMs, options.signal)
    }
  }
  return 'end'
}

async function writeOutputs(
  capture: CaptureSession,
  session: DeviceSession,
  recorder: Recorder,
  options: RecordOptions,
): Promise<RecordOutcome> {
  const defaultTimeoutMs = 10_000
  const drafted = buildDraftSteps(capture.steps, { defaultTimeoutMs })
  const { steps, secretNames } = liftDraftSecrets(drafted.steps)
  const text = writeDraft(
    {
      name: options.name ?? basename(options.outputPath).replace(/\.ya?ml$/i, ''),
      ...(session.chatProfile.name === 'generic' ? {} : { device: session.chatProfile.name }),
      source: `recorded with atseq record on ${new Date().toISOString().slice(0, 10)}`,
      defaultTimeoutMs,
      ambient: [...capture.beforeFirst, ...drafted.ambient],
      secretNames,
    },
    steps,
  )
  writeFileAt(options.outputPath, text)
  if (options.sessionPath !== undefined) writeFileAt(options.sessionPath, `${JSON.stringify(finishSession(recorder, text), null, 2)}\n`)
  return {
    kind: 'written',
    outputPath: options.outputPath,
    steps: steps.length,
    diagnostics: await checkDraft(options.outputPath),
    reviews: steps.flatMap(s => (s.review === undefined ? [] : [`step ${s.no} (${describeDraftAction(s)}): ${s.review}; kept for review`])),
    ...(options.sessionPath === undefined ? {} : { sessionPath: options.sessionPath }),
  }
}

function describeDraftAction(step: DraftStep): string {
  return step.action.kind === 'send' ? step.action.command : 'prompt data'
}

/** Load errors and lint warnings of the written draft (none expected). */
async function checkDraft(path: string): Promise<Diagnostic[]> {
  const loaded = await loadSequence(path)
  return loaded.sequence ? [...loaded.diagnostics, ...lintSequence(loaded.sequence)] : loaded.diagnostics
}

/** The session as a run record with no steps: its transcript is what `replay://` plays; its sequence is the draft. */
function finishSession(recorder: Recorder, draft: string): RunRecord {
  const record = recorder.finish('passed', 0)
  return { ...record, sequence: { ...record.sequence, sha256: createHash('sha256').update(draft).digest('hex') } }
}

function sessionHeader(options: RecordOptions): ConstructorParameters<typeof Recorder>[0]['header'] {
  return {
    atseqVersion: options.atseqVersion,
    sequence: { name: options.name ?? basename(options.outputPath), file: options.outputPath, sha256: '', tags: ['recorded'] },
    device: { url: options.device, settings: {}, identity: {} },
    commandLine: ['atseq', 'record', '--device', options.device, '-o', options.outputPath],
  }
}

function writeFileAt(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}
