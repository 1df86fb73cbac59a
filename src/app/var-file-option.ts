/**
 * Reading a `--var-file`, apart from the other option values: `validate` and `lint` take var files too, and this
 * module keeps them from loading what those values need (the report renderers, the simulator's listener).
 */
import type { OptionValue } from './option-values.js'
import { readRegularFileSync } from '../sequence/read-source.js'

/** A var file holds a certificate or a key: a few kilobytes; 1 MiB is generous and bounds the read. */
const MAX_VAR_FILE_BYTES = 1024 * 1024

/** The content of a var file: a regular file, size-checked before it is read. */
export function readVarFileOption(path: string): OptionValue<string> {
  const read = readRegularFileSync(path, MAX_VAR_FILE_BYTES)
  if (read.kind === 'unreadable') return { ok: false, hint: `cannot use ${path}: ${read.diagnostic.message}` }
  return { ok: true, value: read.bytes.toString('utf8') }
}
