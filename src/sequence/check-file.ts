import { lintSequence } from './lint/lint-sequence.js'
import { loadSourceRead } from './load-sequence.js'
import { readAhead } from './read-ahead.js'
import { MAX_SEQUENCE_BYTES, readSourceFile } from './read-source.js'
import type { Diagnostic } from './diagnostic.js'

/** One file's outcome: load diagnostics, plus lint warnings when asked and the file loaded. */
export interface FileCheck {
  file: string
  valid: boolean
  diagnostics: Diagnostic[]
}

export interface CheckOptions {
  /** Also run lint on files that load. */
  lint?: boolean
  /** `--var` values, for lint's variable and length checks. */
  vars?: Record<string, string>
  /**
   * Worker threads that check files alongside this thread. Default: one per extra core (at most 3), and only when
   * there are enough files (200 per worker) to pay for starting them (~150 ms each); 0 checks everything here.
   */
  workers?: number
}

/** Files read from disk ahead of the one being checked; enough to keep the disk busy while the CPU parses. */
const READ_AHEAD_FILES = 16

/** Reads, validates and (when asked) lints files in order, overlapping the reads with the checks. */
export async function checkFilesInOrder(files: readonly string[], options: CheckOptions): Promise<FileCheck[]> {
  const checks: FileCheck[] = []
  let index = 0
  for await (const read of readAhead(files, READ_AHEAD_FILES, file => readSourceFile(file, MAX_SEQUENCE_BYTES))) {
    const file = files[index++]!
    const loaded = loadSourceRead(file, read)
    const warnings = options.lint === true && loaded.sequence !== undefined ? lintSequence(loaded.sequence, { vars: options.vars ?? {} }) : []
    checks.push({ file, valid: loaded.sequence !== undefined, diagnostics: [...loaded.diagnostics, ...warnings] })
  }
  return checks
}
