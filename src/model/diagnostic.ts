import type { SourceLocation } from './sequence.js'

/** How bad a diagnostic is: an `error` makes the input unusable, a `warning` is advice from lint or import. */
export type Severity = 'error' | 'warning'

/**
 * A problem found in an input file, with a stable `code` (tests and tools match on it, never on the wording),
 * a human sentence, an optional hint on how to fix it, and where it was written.
 */
export interface Diagnostic {
  code: string
  severity: Severity
  message: string
  hint?: string
  at: SourceLocation
}

/** Builds an error diagnostic. */
export function errorAt(at: SourceLocation, code: string, message: string, hint?: string): Diagnostic {
  return hint === undefined ? { code, severity: 'error', message, at } : { code, severity: 'error', message, hint, at }
}

/** Builds a warning diagnostic. */
export function warningAt(at: SourceLocation, code: string, message: string, hint?: string): Diagnostic {
  return { ...errorAt(at, code, message, hint), severity: 'warning' }
}

/** `file:line:col: error: message — hint [code]`, the form compilers use so editors can jump to it. */
export function formatDiagnostic(d: Diagnostic): string {
  const hint = d.hint === undefined ? '' : ` — ${d.hint}`
  return `${d.at.file}:${d.at.line}:${d.at.col}: ${d.severity}: ${d.message}${hint} [${d.code}]`
}

/** True when at least one diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some(d => d.severity === 'error')
}

/** Orders diagnostics by file, line and column (stable for equal places). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.at.file.localeCompare(b.at.file) || a.at.line - b.at.line || a.at.col - b.at.col)
}
