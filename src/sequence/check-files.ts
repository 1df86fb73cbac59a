import { errorAt, hasErrors } from '../model/diagnostic.js'
import { checkFilesInOrder, type CheckOptions, type FileCheck } from './check-file.js'
import { checkFilesInParallel, chooseWorkerCount } from './check-pool.js'
import { findSequenceFiles } from './find-sequence-files.js'

export type { CheckOptions, FileCheck } from './check-file.js'

/**
 * Validates (and optionally lints) every sequence file found under `paths`, in the order found; a folder with none
 * found is itself an error. Many files are shared with worker threads (see `CheckOptions.workers`).
 */
export async function checkSequenceFiles(paths: readonly string[], options: CheckOptions = {}): Promise<FileCheck[]> {
  const files = await findSequenceFiles(paths)
  const workers = chooseWorkerCount(files.length, options)
  const checks = workers > 0 ? (await checkFilesInParallel(files, workers, options)).checks : checkFilesInOrder(files, options)
  if (files.length === 0) {
    const at = { file: paths[0] ?? '.', line: 1, col: 1 }
    checks.push({
      file: at.file,
      valid: false,
      diagnostics: [errorAt(at, 'no-sequence-files', 'no sequence files (*.yaml, *.yml) found here')],
    })
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
