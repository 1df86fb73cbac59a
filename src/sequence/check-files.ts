import { errorAt, hasErrors, type Diagnostic } from './diagnostic.js'
import { findSequenceFiles } from './find-sequence-files.js'
import { lintSequence } from './lint/lint-sequence.js'
import { loadSourceRead } from './load-sequence.js'
import { readAhead } from './read-ahead.js'
import { MAX_SEQUENCE_BYTES, readSourceFile } from './read-source.js'

/** Files read from disk ahead of the one being validated; enough to keep the disk busy while the CPU parses. */
const READ_AHEAD_FILES = 16

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
}

/** Validates (and optionally lints) every sequence file found under `paths`; a folder with none found is itself an error. */
export async function checkSequenceFiles(paths: readonly string[], options: CheckOptions = {}): Promise<FileCheck[]> {
  const files = await findSequenceFiles(paths)
  const checks: FileCheck[] = []
  let index = 0
  for await (const read of readAhead(files, READ_AHEAD_FILES, file => readSourceFile(file, MAX_SEQUENCE_BYTES))) {
    const file = files[index++]!
    const loaded = loadSourceRead(file, read)
    const warnings = options.lint === true && loaded.sequence !== undefined ? lintSequence(loaded.sequence, { vars: options.vars ?? {} }) : []
    checks.push({ file, valid: loaded.sequence !== undefined, diagnostics: [...loaded.diagnostics, ...warnings] })
  }
  if (files.length === 0) {
    const at = { file: paths[0] ?? '.', line: 1, col: 1 }
    checks.push({ file: at.file, valid: false, diagnostics: [errorAt(at, 'no-sequence-files', 'no sequence files (*.yaml, *.yml) found here')] })
  }
  return checks
}

/** Counts for a summary line. */
export function summariseChecks(checks: readonly FileCheck[]): { files: number; invalid: number; errors: number; warnings: number } {
  const all = checks.flatMap(c => c.diagnostics)
  return {
    files: checks.length,
    invalid: checks.filter(c => !c.valid || hasErrors(c.diagnostics)).length,
    errors: all.filter(d => d.severity === 'error').length,
    warnings: all.filter(d => d.severity === 'warning').length,
  }
}
