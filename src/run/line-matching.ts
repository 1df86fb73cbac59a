/**
 * Pure matching of received lines against a step's rendered expectations.
 * Kept free of I/O so that the rules (order, captures, "must not appear") are tested on their own.
 */

/** A matcher after templating: an exact line or a compiled regex. */
export type RenderedMatcher = { kind: 'exact'; text: string } | { kind: 'regex'; re: RegExp; source: string }

/** A line as the runner judges it. */
export interface JudgedLine {
  text: string
}

/** Shows a matcher as the user wrote it: the text, or `/source/flags`. */
export function describeMatcher(matcher: RenderedMatcher): string {
  return matcher.kind === 'exact' ? matcher.text : `/${matcher.source}/${matcher.re.flags}`
}

/** Does this line satisfy the matcher? Exact lines ignore trailing white space (`> ` vs `>`). */
export function doesLineMatch(matcher: RenderedMatcher, line: string): boolean {
  if (matcher.kind === 'exact') return line.trimEnd() === matcher.text.trimEnd()
  matcher.re.lastIndex = 0
  return matcher.re.test(line)
}

/** Named groups of a regex matcher on a line (empty for exact matchers or no match). */
export function captureGroups(matcher: RenderedMatcher, line: string): Record<string, string> {
  if (matcher.kind === 'exact') return {}
  matcher.re.lastIndex = 0
  const groups = matcher.re.exec(line)?.groups ?? {}
  const captures: Record<string, string> = {}
  for (const [name, value] of Object.entries(groups)) if (value !== undefined) captures[name] = value
  return captures
}

/** Where each matcher found its line, in order; -1 where none was found. */
export interface OrderedMatch {
  positions: number[]
  captures: Record<string, string>
}

/**
 * Matches each matcher to a later line than the previous matcher's, in order (lines in
 * between may be anything). A matcher with no line left stays -1 and the next ones continue
 * from the same place, so one missing line does not hide the others.
 */
export function matchInOrder(matchers: readonly RenderedMatcher[], lines: readonly string[]): OrderedMatch {
  const positions: number[] = []
  let captures: Record<string, string> = {}
  let from = 0
  for (const matcher of matchers) {
    const found = lines.findIndex((line, index) => index >= from && doesLineMatch(matcher, line))
    positions.push(found)
    const line = lines[found]
    if (line === undefined) continue
    captures = { ...captures, ...captureGroups(matcher, line) }
    from = found + 1
  }
  return { positions, captures }
}

/** The first line that matches any "must not appear" matcher, if one arrived. */
export function findForbiddenLine(
  matchers: readonly RenderedMatcher[],
  lines: readonly string[],
): { matcher: RenderedMatcher; line: string } | undefined {
  for (const line of lines) {
    const matcher = matchers.find(candidate => doesLineMatch(candidate, line))
    if (matcher) return { matcher, line }
  }
  return undefined
}
