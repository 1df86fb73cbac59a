import { buildSequence } from './build-sequence.js'
import { checkCommandValues } from './check-command-values.js'
import { hasErrors, sortDiagnostics, type Diagnostic } from '../model/diagnostic.js'
import type { Sequence, Step } from '../model/sequence.js'
import { decodeSource, MAX_SEQUENCE_BYTES, readSourceFile, type SourceRead } from './read-source.js'
import { pruneSchemaErrors } from './prune-schema-errors.js'
import { checkAgainstSchema } from './schema-check.js'
import { parseYamlSource } from './yaml-source.js'

/** A loaded sequence (only when there is no error) and every diagnostic found, errors and warnings, in file order. */
export interface LoadResult {
  sequence?: Sequence
  diagnostics: Diagnostic[]
  /** With errors, what could still be built (without the values the schema refused), for checks that report more problems. */
  built?: Sequence
}

export interface LoadOptions {
  /** Refuse files larger than this many bytes (default 1 MiB). */
  maxBytes?: number
}

/** Reads, parses, validates and builds a sequence file, collecting all problems at once instead of stopping at the first. */
export async function loadSequence(file: string, options: LoadOptions = {}): Promise<LoadResult> {
  return loadSourceRead(file, await readSourceFile(file, options.maxBytes ?? MAX_SEQUENCE_BYTES))
}

/** Same as `loadSequence` for bytes already in memory; `file` names them in diagnostics. */
export function loadSequenceText(file: string, bytes: Buffer): LoadResult {
  return loadSourceRead(file, decodeSource(file, bytes))
}

/** Parses, validates and builds a file that has already been read and decoded (the text is not decoded a second time). */
export function loadSourceRead(file: string, read: SourceRead): LoadResult {
  if (read.kind === 'unreadable') return { diagnostics: [read.diagnostic] }
  const { bytes } = read
  const parsed = parseYamlSource(file, read.text)
  if (parsed.source === undefined) return { diagnostics: sortDiagnostics(parsed.diagnostics) }
  const schemaProblems = checkAgainstSchema(parsed.source.data, parsed.source)
  // With schema problems the rest of the file is still built, without the refused values, to report its problems too.
  const data = schemaProblems.length === 0 ? (parsed.source.data as Record<string, unknown>) : pruneSchemaErrors(parsed.source.data)
  if (data === undefined) return { diagnostics: sortDiagnostics([...parsed.diagnostics, ...schemaProblems]) }
  const built = buildSequence(data, parsed.source, bytes)
  const values = checkCommandValues(listAllSteps(built.sequence), listVarValues(built.sequence))
  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...schemaProblems, ...built.diagnostics, ...values])
  return hasErrors(diagnostics) ? { diagnostics, built: built.sequence } : { sequence: built.sequence, diagnostics }
}

/** Every step of a sequence: setup, steps and teardown. */
export function listAllSteps(sequence: Sequence): Step[] {
  return [...sequence.setup, ...sequence.steps, ...sequence.teardown]
}

/** The file's variables as plain values. */
export function listVarValues(sequence: Sequence): Record<string, string> {
  return Object.fromEntries(Object.entries(sequence.vars).map(([name, v]) => [name, v.value]))
}
