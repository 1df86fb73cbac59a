/** The `--var` and `--var-file` options `run`, `validate` and `lint` share, parsed one way for all of them. */
import { InvalidArgumentError } from 'commander'
import { readVarFileOption } from '../app/var-file-option.js'
import { parsedBy } from './option-value.js'

/** `--var name=value`, repeatable, collected into a record (a later value for a name wins). */
export function collectVar(pair: string, previous: Record<string, string>): Record<string, string> {
  const eq = pair.indexOf('=')
  if (eq <= 0) throw new InvalidArgumentError(`expected name=value, got '${pair}'`)
  return { ...previous, [pair.slice(0, eq)]: pair.slice(eq + 1) }
}

/** `--var-file name=path`, repeatable: the variable's value is the file's content, read within the var file limits. */
export function collectVarFile(pair: string, previous: Record<string, string>): Record<string, string> {
  const eq = pair.indexOf('=')
  if (eq <= 0) throw new InvalidArgumentError(`expected name=path, got '${pair}'`)
  return { ...previous, [pair.slice(0, eq)]: parsedBy(readVarFileOption)(pair.slice(eq + 1)) }
}
