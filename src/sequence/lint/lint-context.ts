import type { Diagnostic } from '../../model/diagnostic.js'
import type { Phase, Sequence, Step } from '../../model/sequence.js'
import type { CommandInfo } from '../../modem/modem-family.js'

/** What every lint rule sees: the sequence, and the variable values known before a run (file vars plus `--var`). */
export interface LintContext {
  sequence: Sequence
  vars: Record<string, string>
  /** What the sequence's modem family knows (every family's, when `device:` names none). */
  vocabulary: {
    commands: ReadonlyMap<string, CommandInfo>
    unsolicitedOnly: ReadonlySet<string>
  }
}

/** A lint rule: reads the sequence, returns warnings. */
export type LintRule = (ctx: LintContext) => Diagnostic[]

/** Every step with its phase and index, in run order. */
export function listSteps(sequence: Sequence): Array<{ phase: Phase; index: number; step: Step }> {
  const phases: Phase[] = ['setup', 'steps', 'teardown']
  return phases.flatMap(phase => sequence[phase].map((step, index) => ({ phase, index, step })))
}

/** "step 4.2" or "setup step s1", as messages name a step. */
export function nameStep(phase: Phase, step: Step): string {
  return phase === 'steps' ? `step ${step.no}` : `${phase} step ${step.no}`
}
