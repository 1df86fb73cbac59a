import { warningAt, type Diagnostic } from '../../model/diagnostic.js'
import type { Step } from '../../model/sequence.js'
import { listSteps, nameStep, type LintContext } from './lint-context.js'

/** `prompt-without-data`: a step ends with the `>` prompt and no data step follows; `data-without-prompt`: the reverse. */
export function lintPromptData(ctx: LintContext): Diagnostic[] {
  const entries = listSteps(ctx.sequence)
  const warnings: Diagnostic[] = []
  entries.forEach((entry, i) => {
    const next = entries[i + 1]
    const previous = entries[i - 1]
    const nextIsData = next !== undefined && next.phase === entry.phase && next.step.action.kind === 'data'
    const previousPrompts = previous !== undefined && previous.phase === entry.phase && endsWithPrompt(previous.step)
    if (endsWithPrompt(entry.step) && !nextIsData) {
      warnings.push(
        warningAt(
          entry.step.at,
          'prompt-without-data',
          `${nameStep(entry.phase, entry.step)}: expects the > prompt but no data step follows`,
          'add a step with data: <bytes> right after it',
        ),
      )
    }
    if (entry.step.action.kind === 'data' && !previousPrompts) {
      warnings.push(
        warningAt(
          entry.step.at,
          'data-without-prompt',
          `${nameStep(entry.phase, entry.step)}: sends data but the step before it does not expect the > prompt`,
          'make the step before it expect: ">"',
        ),
      )
    }
  })
  return warnings
}

function endsWithPrompt(step: Step): boolean {
  const matcher = step.final?.matcher
  if (matcher === undefined) return false
  return matcher.kind === 'exact' ? matcher.text.text.trim() === '>' : /^\^?>\$?$/.test(matcher.pattern.text)
}
