import { warningAt, type Diagnostic } from '../../model/diagnostic.js'
import { listSteps, nameStep, type LintContext } from './lint-context.js'

/** `todo-step`: a row the importer could not interpret; it is kept but never run. */
export function lintTodoSteps(ctx: LintContext): Diagnostic[] {
  return listSteps(ctx.sequence).flatMap(({ phase, step }) =>
    step.action.kind !== 'todo'
      ? []
      : [
          warningAt(
            step.at,
            'todo-step',
            `${nameStep(phase, step)}: this row was not interpreted and will not run: ${JSON.stringify(step.action.original)}`,
            'write the command it stands for as send: ... and remove todo:',
          ),
        ],
  )
}
