/** Shared setup for runner tests: write a sequence, load it, run it on the simulator in-process. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Test } from 'tap'
import type { RunRecord, StepResult } from '../../src/model/run-record.js'
import { runSequenceFile, type RunSequenceOptions, type SequenceRun } from '../../src/app/run-sequence-file.js'
import { sequenceRunOptions } from './run-options.js'
import { loadSequence } from '../../src/sequence/load-sequence.js'
import type { SimModem } from '../../src/sim/sim-modem.js'

export interface SimRunOptions {
  onSimModem?: (modem: SimModem) => void
  onStepEnd?: (step: StepResult, modem: SimModem | undefined) => void
  signal?: AbortSignal
  device?: string
  resolve?: string[]
  vars?: Record<string, string>
  identify?: boolean
  /** A broker of the test's own (`mqtt://127.0.0.1:port`) instead of the embedded one. */
  brokerUrl?: string
}

/** Writes `yaml` as a sequence in a fresh folder, runs it on `sim://simcom-a76xx`, returns the run and the folder. */
export async function runYamlOnSim(t: Test, yaml: string, options: SimRunOptions = {}): Promise<SequenceRun & { dir: string }> {
  const dir = t.testdir({})
  const file = join(dir, 'sequence.yaml')
  writeFileSync(file, yaml)
  const loaded = await loadSequence(file)
  if (!loaded.sequence)
    throw new Error(`test sequence is invalid:\n${loaded.diagnostics.map(d => `${d.at.line}:${d.at.col} ${d.message}`).join('\n')}`)
  let modem: SimModem | undefined
  const runOptions: RunSequenceOptions = sequenceRunOptions(join(dir, 'reports'), {
    device: options.device ?? 'sim://simcom-a76xx',
    vars: options.vars ?? {},
    resolve: options.resolve ?? [],
    formats: ['html', 'junit', 'json'],
    identify: options.identify ?? true,
    commandLine: ['atseq', 'run', 'sequence.yaml'],
    signal: options.signal ?? new AbortController().signal,
    events: { onStepEnd: step => options.onStepEnd?.(step, modem) },
    ...(options.brokerUrl === undefined ? {} : { brokerUrl: options.brokerUrl }),
    onSimModem: created => {
      modem = created
      options.onSimModem?.(created)
    },
  })
  return { ...(await runSequenceFile(loaded.sequence, runOptions)), dir }
}

/** The result of the step numbered `no` in the main steps. */
export function stepNo(record: RunRecord, no: string, phase: StepResult['phase'] = 'steps'): StepResult {
  const step = record.steps.find(s => s.no === no && s.phase === phase)
  if (!step) throw new Error(`no step ${phase} ${no} in the record`)
  return step
}
