import { warningAt, type Diagnostic } from '../../model/diagnostic.js'
import { listSteps, nameStep, type LintContext } from './lint-context.js'

/** `no-expectation`: a command or data step that writes down nothing it expects (it would pass on a bare OK). */
export function lintNoExpectation(ctx: LintContext): Diagnostic[] {
  return listSteps(ctx.sequence)
    .filter(
      ({ step }) =>
        (step.action.kind === 'send' || step.action.kind === 'data') &&
        step.expect.length === 0 &&
        step.final === undefined &&
        step.urcs.length === 0 &&
        step.raw === undefined &&
        step.broker === undefined &&
        step.server === undefined,
    )
    .map(({ phase, step }) =>
      warningAt(step.at, 'no-expectation', `${nameStep(phase, step)}: expects nothing`, 'write what it must answer, e.g. expect: OK'),
    )
}
