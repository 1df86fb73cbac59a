import { compileLinear } from './linear-regex.js'

/** Whether a pattern compiles for V8 and for the linear-time engine, and if not, why (the engines' own words). */
export type RegexVerdict = { kind: 'valid' } | { kind: 'bad-regex'; reason: string } | { kind: 'regex-unsupported'; reason: string }

/** Verdicts kept at most: a folder of sequences repeats the same few patterns (+CSQ, +CREG...) in every file. */
const MAX_CACHED_VERDICTS = 2_000

const verdicts = new Map<string, RegexVerdict>()

/**
 * Judges `source` with `flags` as the run will compile it (V8's syntax, then re2js), once per pattern and flags:
 * compiling for re2js is most of a seed file's regex cost and the verdict depends only on the text and the flags.
 */
export function judgeRegexSource(source: string, flags: string): RegexVerdict {
  const key = `${flags}/${source}`
  const known = verdicts.get(key)
  if (known !== undefined) return known
  const verdict = compileVerdict(source, flags)
  if (verdicts.size >= MAX_CACHED_VERDICTS) verdicts.clear()
  verdicts.set(key, verdict)
  return verdict
}

function compileVerdict(source: string, flags: string): RegexVerdict {
  try {
    new RegExp(source, flags)
  } catch (error) {
    return { kind: 'bad-regex', reason: String((error as Error).message).replace(/^Invalid regular expression: (\/.*\/[a-z]*: )?/s, '') }
  }
  try {
    compileLinear(source, flags)
  } catch (error) {
    return { kind: 'regex-unsupported', reason: (error as Error).message }
  }
  return { kind: 'valid' }
}
