/**
 * Step regexes compiled once per process: a sequence repeats its patterns step after step and a suite run after
 * run, and compiling a pattern for re2js costs many times what matching a line with it does. Sharing one
 * instance is safe because every match resets `lastIndex` first and re2js keeps no state between matches.
 */
import type { RE2JS } from 're2js'
import { compileLinear, LinearRegExp } from '../sequence/linear-regex.js'

// Most matches only ask whether a line matches (`test`); re2js answers that without building the groups `exec` builds.
class StepRegExp extends LinearRegExp {
  readonly #re2: RE2JS

  constructor(source: string, flags: string) {
    super(source, flags)
    this.#re2 = compileLinear(source, flags)
  }

  override test(line: string): boolean {
    return this.#re2.test(line)
  }
}

// Patterns rendered from captures can differ run by run; the oldest entry goes first past this many.
const MAX_ENTRIES = 512
const compiled = new Map<string, LinearRegExp>()

/** Returns the compiled regex of this source and flags, compiling it on first use; throws as `new LinearRegExp` does. */
export function compileStepRegex(source: string, flags: string): LinearRegExp {
  const key = `${flags}/${source}`
  const known = compiled.get(key)
  if (known !== undefined) return known
  const re = new StepRegExp(source, flags)
  if (compiled.size >= MAX_ENTRIES) compiled.delete(compiled.keys().next().value as string)
  compiled.set(key, re)
  return re
}
