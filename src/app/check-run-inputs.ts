/**
 * The checks `atseq run` makes after planning and before anything is sent: every value a command line will carry,
 * a value for every declared input, the combined timeout scale, and a report folder that can be written.
 */
import { mkdirSync } from 'node:fs'
import { resolveRunVars } from '../plan/build-plan.js'
import type { Diagnostic } from '../model/diagnostic.js'
import { formatDiagnostic } from '../model/diagnostic.js'
import type { Plan, Suite } from '../model/suite.js'
import { checkCommandValues } from '../sequence/check-command-values.js'
import { checkInputValues } from '../sequence/check-names.js'
import { SIM_SESSION_VAR_NAMES } from '../model/session-vars.js'
import { isTimeoutScale, MAX_TIMEOUT_SCALE, MIN_TIMEOUT_SCALE } from '../sequence/duration.js'
import { listAllSteps, listVarValues } from '../sequence/load-sequence.js'

/** `--timeout-scale` times a suite's `timeout_scale` must stay within bounds; the problem as a sentence, or undefined. */
export function checkTimeoutScale(scale: number, suite: Suite | undefined): string | undefined {
  if (isTimeoutScale(scale * (suite?.timeoutScale ?? 1))) return undefined
  return `--timeout-scale times the suite's timeout_scale must be from ${MIN_TIMEOUT_SCALE} to ${MAX_TIMEOUT_SCALE}`
}

/** Makes the report folder before anything runs; a path that is a file (or cannot be made) is an input error. */
export function prepareReportDir(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true })
    return undefined
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way; name a folder' : `cannot make this folder (${code ?? 'error'})`
  }
}

/**
 * Every value a run will use (`--var`, `--var-file`, suite and device vars) is checked before anything is sent, and
 * every input a sequence declares must have one (a `sim://` device's session gives its own names).
 */
export function checkPlanValues(plan: Plan, suite: Suite | undefined, cliVars: Record<string, string>): Diagnostic[] {
  const seen = new Set<string>()
  return plan.entries.flatMap(entry =>
    plan.devices.flatMap(device => {
      const vars = { ...listVarValues(entry.sequence), ...resolveRunVars(entry, device, suite, cliVars) }
      const session: readonly string[] = /^sim:/i.test(device.url) ? SIM_SESSION_VAR_NAMES : []
      const inputs = checkInputValues(entry.sequence, name => Object.hasOwn(vars, name) || session.includes(name))
      return [...inputs, ...checkCommandValues(listAllSteps(entry.sequence), vars)].filter(d => {
        const key = formatDiagnostic(d)
        return !seen.has(key) && seen.add(key)
      })
    }),
  )
}
