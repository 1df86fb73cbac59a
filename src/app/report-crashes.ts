/** Tells the user about runs that atseq itself ended with a bug (exit 70): one line each, the stack with `--debug`. */
import { EXIT } from '../model/exit-code.js'
import type { SequenceRun } from './run-sequence-file.js'

/** Writes one line per crashed run, and its stack trace when `debug` is set. */
export function reportCrashes(runs: readonly SequenceRun[], options: { debug?: boolean; writeError: (text: string) => void }): void {
  for (const run of runs.filter(run => run.record.exitCode === EXIT.internal)) {
    const stack = options.debug && run.crash?.stack ? `${run.crash.stack}\n` : ''
    options.writeError(
      `atseq: internal error, please report it: ${run.record.sequence.file}: ${run.record.endReason ?? 'crashed'}\n${stack}`,
    )
  }
}
