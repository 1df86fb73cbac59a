/** `atseq import`: a spec table file read into a sequence draft, written to a file or standard output. */
import { writeFile } from 'node:fs/promises'
import { formatDiagnostic, hasErrors } from '../model/diagnostic.js'
import { EXIT } from '../model/exit-code.js'
import { formatImportReport, importSpecTable } from '../sequence/index.js'
import { readSourceFile } from '../sequence/read-source.js'

export interface ImportTableOptions {
  /** Where the YAML goes; standard output when absent. */
  output?: string
  /** The draft's `device:`; inferred from the commands when absent. */
  deviceProfile?: string
  /** Print what each row became. */
  report?: boolean
}

/** Imports `spec` as a draft; returns the exit code (2 when the table cannot be read or holds no rows). */
export async function importTableFile(
  spec: string,
  options: ImportTableOptions,
  write: (text: string) => void,
  writeError: (text: string) => void,
): Promise<number> {
  const read = await readSourceFile(spec)
  if (read.kind === 'unreadable') {
    writeError(`${formatDiagnostic(read.diagnostic)}\n`)
    return EXIT.invalidInput
  }
  const { yaml, diagnostics, rows } = importSpecTable(
    read.text,
    spec,
    options.deviceProfile === undefined ? {} : { deviceProfile: options.deviceProfile },
  )
  for (const d of diagnostics) writeError(`${formatDiagnostic(d)}\n`)
  if (options.report === true) (options.output === undefined ? writeError : write)(formatImportReport(rows))
  if (hasErrors(diagnostics)) {
    return EXIT.invalidInput
  }
  if (options.output === undefined) write(yaml)
  else await writeFile(options.output, yaml)
  return EXIT.passed
}
