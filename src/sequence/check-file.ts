import { lintSequence } from './lint/lint-sequence.js'
import { loadSourceRead } from './load-sequence.js'
import { MAX_SEQUENCE_BYTES, readSourceFileSync } from './read-source.js'
import { resolve } from 'node:path'
import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js'
import { checkTemplateNames } from './check-names.js'

/** One file's outcome: load diagnostics, plus lint warnings when asked and the file loaded. */
export interface FileCheck {
  file: string
  valid: boolean
  diagnostics: Diagnostic[]
}

export interface CheckOptions {
  /** Also run lint on files that load. */
  lint?: boolean
  /** `--var` values, for lint's variable and length checks; their names count as given. */
  vars?: Record<string, string>
  /** Names a run gives every file without a value known here (the simulator session's vars). */
  names?: readonly string[]
  /** Names a suite gives the files it runs (its vars, its entries' and its devices'), by the file's absolute path. */
  suiteNames?: Readonly<Record<string, readonly string[]>>
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
  const built = loaded.sequence ?? loaded.built
  const provided = [...Object.keys(options.vars ?? {}), ...(options.names ?? []), ...(options.suiteNames?.[resolve(file)] ?? [])]
  const names = built === undefined ? [] : checkTemplateNames(built, provided)
  // The names check is lint's undefined-variable made an error, with every name a run can give: said once, as the error.
  const warnings =
    options.lint === true && loaded.sequence !== undefined
      ? lintSequence(loaded.sequence, { vars: options.vars ?? {} }).filter(d => d.code !== 'undefined-variable')
      : []
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...names, ...warnings])
  return { file, valid: loaded.sequence !== undefined && names.length === 0, diagnostics }
}
