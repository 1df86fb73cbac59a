import { warningAt, type Diagnostic } from '../../model/diagnostic.js'
import type { LintContext } from './lint-context.js'

/** `duplicate-step-number` and `step-number-order`: the table's numbers must be unique and ascending (4.1 < 4.2 < 4a < 5 < 10). */
export function lintStepNumbers(ctx: LintContext): Diagnostic[] {
  const warnings: Diagnostic[] = []
  const seen = new Map<string, number>()
  ctx.sequence.steps.forEach((step, i) => {
    const first = seen.get(step.no)
    if (first !== undefined) {
      warnings.push(
        warningAt(
          step.at,
          'duplicate-step-number',
          `step ${step.no}: the number ${step.no} is already used by step #${first + 1}`,
          'give each step its own number',
        ),
      )
      return
    }
    seen.set(step.no, i)
    const previous = ctx.sequence.steps[i - 1]
    if (previous !== undefined && compareStepNumbers(previous.no, step.no) > 0) {
      warnings.push(
        warningAt(
          step.at,
          'step-number-order',
          `step ${step.no}: comes after step ${previous.no} but its number is smaller`,
          "keep the steps in the table's order",
        ),
      )
    }
  })
  return warnings
}

/** Orders step numbers part by part: `2` < `2.1` < `2a` < `10` (a letter marks a step added after a row); negative when a comes first. */
export function compareStepNumbers(a: string, b: string): number {
  const left = a.split('.')
  const right = b.split('.')
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] === undefined) return -1
    if (right[i] === undefined) return 1
    const order = compareNumberPart(left[i]!, right[i]!)
    if (order !== 0) return order
  }
  return 0
}

function compareNumberPart(a: string, b: string): number {
  const [, an, as] = /^(\d*)(.*)$/.exec(a) as unknown as [string, string, string]
  const [, bn, bs] = /^(\d*)(.*)$/.exec(b) as unknown as [string, string, string]
  if (an !== '' && bn !== '' && Number(an) !== Number(bn)) return Number(an) - Number(bn)
  if ((an === '') !== (bn === '')) return an === '' ? 1 : -1
  return as.localeCompare(bs)
}
