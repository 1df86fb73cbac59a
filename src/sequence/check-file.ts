import { lintSequence } from './lint/lint-sequence.js'
import { loadSourceRead } from './load-sequence.js'
import { MAX_SEQUENCE_BYTES, readSourceFileSync } from './read-source.js'
import type { Diagnostic } from '../model/diagnostic.js'

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
   * there are enough files (200 per worker) to pay for starting them (~250 ms each with the JIT warming up);
   * 0 checks everything here.
   */
  workers?: number
}

/** Reads, validates and (when asked) lints files in order. Blocking: each file is a few kilobytes and the parse is synchronous. */
export function checkFilesInOrder(files: readonly string[], options: CheckOptions): FileCheck[] {
  return files.map(file => checkFile(file, options))
}

function checkFile(file: string, options: CheckOptions): FileCheck {
  const loaded = loadSourceRead(file, readSourceFileSync(file, MAX_SEQUENCE_BYTES))
  const warnings = options.lint === true && loaded.sequence !== undefined ? lintSequence(loaded.sequence, { vars: options.vars ?? {} }) : []
  return { file, valid: loaded.sequence !== undefined, diagnostics: [...loaded.diagnostics, ...warnings] }
}
