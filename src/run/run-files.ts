/**
 * `atseq run` over files and folders: load and validate every sequence first (nothing runs
 * when any file is invalid), filter by tag and name, then run each and print its progress.
 */
import { formatDiagnostic } from '../sequence/diagnostic.js'
import { findSequenceFiles } from '../sequence/find-sequence-files.js'
import { loadSequence } from '../sequence/load-sequence.js'
import type { Sequence } from '../sequence/model.js'
import { ConsoleProgress } from '../report/console/console-progress.js'
import { EXIT } from './run-sequence.js'
import { runSequenceFile, type RunSequenceOptions, type SequenceRun } from './run-sequence-file.js'

export interface RunFilesOptions extends Omit<RunSequenceOptions, 'events'> {
  /** Run only sequences with one of these tags (none: all). */
  tags: string[]
  /** Run only sequences whose name or file matches this pattern. */
  grep?: RegExp
  /** Stop after the first sequence that does not pass. */
  bail: boolean
  progress: ConsoleProgress
  /** Where diagnostics go. */
  writeError: (text: string) => void
}

export interface RunFilesResult {
  exitCode: number
  runs: SequenceRun[]
}

/** Runs every selected sequence; the exit code is the worst of them (130 > 3 > 2 > 1 > 0). */
export async function runFiles(paths: string[], options: RunFilesOptions): Promise<RunFilesResult> {
  const sequences = await loadAll(paths, options)
  if (sequences === undefined) return { exitCode: EXIT.invalidInput, runs: [] }
  const selected = sequences.filter((sequence) => isSelected(sequence, options))
  if (selected.length === 0) {
    options.writeError('atseq: no sequence matches the given files, --tag and --grep\n')
    return { exitCode: EXIT.invalidInput, runs: [] }
  }
  const runs: SequenceRun[] = []
  for (const [index, sequence] of selected.entries()) {
    if (options.signal.aborted) break
    options.progress.sequenceStarted(index, selected.length, sequence.name, sequence.file)
    const run = await runSequenceFile(sequence, { ...options, events: { onStepEnd: (step) => options.progress.stepEnded(step) } })
    options.progress.sequenceEnded(run.record, run.reportPaths)
    runs.push(run)
    if (options.bail && run.record.status !== 'passed') break
  }
  return { exitCode: worstExitCode(runs.map((run) => run.record.exitCode)), runs }
}

async function loadAll(paths: string[], options: RunFilesOptions): Promise<Sequence[] | undefined> {
  const files = await findSequenceFiles(paths)
  const results = await Promise.all(files.map((file) => loadSequence(file)))
  const errors = results.flatMap((result) => result.diagnostics.filter((d) => d.severity === 'error'))
  for (const error of errors) options.writeError(`${formatDiagnostic(error)}\n`)
  if (errors.length > 0 || files.length === 0) {
    if (files.length === 0) options.writeError(`atseq: no sequence files (*.yaml) in ${paths.join(', ')}\n`)
    return undefined
  }
  return results.flatMap((result) => (result.sequence ? [result.sequence] : []))
}

function isSelected(sequence: Sequence, options: RunFilesOptions): boolean {
  const tagged = options.tags.length === 0 || options.tags.some((tag) => sequence.tags.includes(tag))
  const named = options.grep === undefined || options.grep.test(sequence.name) || options.grep.test(sequence.file)
  return tagged && named
}

const EXIT_SEVERITY: readonly number[] = [EXIT.passed, EXIT.failed, EXIT.invalidInput, EXIT.infrastructure, EXIT.interrupted]

function worstExitCode(codes: number[]): number {
  return codes.reduce((worst, code) => (EXIT_SEVERITY.indexOf(code) > EXIT_SEVERITY.indexOf(worst) ? code : worst), EXIT.passed)
}
