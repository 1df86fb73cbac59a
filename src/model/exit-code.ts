/**
 * The exit codes of every atseq command, for CI: one table, so a code means the same whatever the command.
 */
export const EXIT = {
  /** Everything passed (or there was nothing wrong). */
  passed: 0,
  /** A step failed or errored; `lint --strict` found warnings; `diff` found regressions. */
  failed: 1,
  /** The input is unusable: schema, templating, a usage error on the command line. */
  invalidInput: 2,
  /** atseq could not reach what it depends on: a port, a link, a broker, a listening address. */
  infrastructure: 3,
  /** atseq itself failed: a bug, reported with one line (and a stack trace with `--debug`). */
  internal: 70,
  /** Interrupted by Ctrl-C; teardown ran and the reports were written. */
  interrupted: 130,
} as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** Exit codes from least to most severe (130 > 70 > 3 > 2 > 1 > 0). */
const EXIT_SEVERITY: readonly number[] = [EXIT.passed, EXIT.failed, EXIT.invalidInput, EXIT.infrastructure, EXIT.internal, EXIT.interrupted]

/** The most severe of several exit codes. */
export function worstExitCode(codes: readonly number[]): number {
  return codes.reduce((worst, code) => (EXIT_SEVERITY.indexOf(code) > EXIT_SEVERITY.indexOf(worst) ? code : worst), EXIT.passed)
}
