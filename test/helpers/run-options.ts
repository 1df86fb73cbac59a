/** The options of a quiet test run, in one place: a test names only what it is about. */
import { ConsoleProgress, type RunFilesOptions } from '../../src/app/run-files.js'
import type { RunSequenceOptions } from '../../src/app/run-sequence-file.js'

type SharedOptions = Omit<RunSequenceOptions, 'device' | 'events'>

/** What both kinds of run share: JSON reports under `reportDir`, identify on, nothing masked off, fresh signals. */
function sharedOptions(reportDir: string): SharedOptions {
  return {
    vars: {},
    resolve: [],
    reportDir,
    formats: ['json'],
    timeoutScale: 1,
    maskIdentifiers: true,
    identify: true,
    atseqVersion: 'test',
    commandLine: ['atseq', 'run'],
    signal: new AbortController().signal,
    teardownSignal: new AbortController().signal,
  }
}

/** Options for runSequenceFile: the simulator, no events. */
export function sequenceRunOptions(reportDir: string, overrides: Partial<RunSequenceOptions> = {}): RunSequenceOptions {
  return { device: 'sim://simcom-a76xx', events: {}, ...sharedOptions(reportDir), ...overrides }
}

/** Options for runFiles: no devices, tags or bail, progress thrown away, errors to `writeError`. */
export function filesRunOptions(
  reportDir: string,
  writeError: (text: string) => void,
  overrides: Partial<RunFilesOptions> = {},
): RunFilesOptions {
  return {
    ...sharedOptions(reportDir),
    devices: [],
    tags: [],
    bail: false,
    progress: new ConsoleProgress({ color: false, write: () => undefined }),
    writeError,
    ...overrides,
  }
}
