/**
 * Regular expressions from sequences run on re2js, an RE2 engine whose match time grows linearly with the line:
 * V8's backtracking engine takes hours on `/^(a+)+$/` against 41 bytes and cannot be interrupted (no timeout,
 * Ctrl-C or SIGTERM gets through), while re2js takes well under a millisecond. RE2 has no lookaround and no
 * backreferences; such patterns are rejected when the sequence is validated.
 */
import { RE2JS } from 're2js'

/** A RegExp whose `exec` (and so `test`) runs on re2js; flags `i`, `m` and `s` keep their meaning. */
export class LinearRegExp extends RegExp {
  readonly #re2: RE2JS

  constructor(source: string, flags = '') {
    super(source, flags)
    this.#re2 = compileLinear(source, flags)
  }

  override exec(line: string): RegExpExecArray | null {
    const matcher = this.#re2.matcher(line)
    if (!matcher.find()) return null
    const values: string[] = []
    for (let i = 0; i <= matcher.groupCount(); i++) values.push(matcher.group(i) ?? (undefined as unknown as string))
    const names = Object.keys(this.#re2.namedGroups())
    const groups = names.length === 0 ? undefined : Object.fromEntries(names.map(name => [name, matcher.group(name) ?? undefined]))
    return Object.assign(values, { index: matcher.start(), input: line, groups }) as RegExpExecArray
  }
}

/** Compiles a pattern for re2js; throws a SyntaxError naming what RE2 cannot do (lookaround, backreferences). */
export function compileLinear(source: string, flags: string): RE2JS {
  let re2Flags = 0
  if (flags.includes('i')) re2Flags |= RE2JS.CASE_INSENSITIVE
  if (flags.includes('m')) re2Flags |= RE2JS.MULTILINE
  if (flags.includes('s')) re2Flags |= RE2JS.DOTALL
  try {
    return RE2JS.compile(source, re2Flags)
  } catch (error) {
    throw new SyntaxError(
      `not supported by the linear-time engine (${(error as Error).message}); lookaround (?= (?! (?<= (?<! and backreferences \\1 are not`,
      { cause: error },
    )
  }
}
