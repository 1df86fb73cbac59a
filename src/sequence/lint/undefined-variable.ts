import { warningAt, type Diagnostic } from '../../model/diagnostic.js'
import type { Template } from '../../model/sequence.js'
import { listCaptures, listMatcherTemplates, listStepTemplates } from '../list-step-templates.js'
import { listTemplateVariables } from '../template.js'
import { listSteps, type LintContext } from './lint-context.js'

/** `undefined-variable`: a template reads a variable that no `vars`, `--var` or earlier named capture defines. */
export function lintUndefinedVariables(ctx: LintContext): Diagnostic[] {
  const known = new Set([...Object.keys(ctx.vars), ...(ctx.sequence.inputs ?? []).map(input => input.name)])
  const warnings: Diagnostic[] = []
  for (const t of listMatcherTemplates(ctx.sequence.abort)) warnings.push(...checkTemplateVariables(t, known))
  for (const { step } of listSteps(ctx.sequence)) {
    for (const t of listStepTemplates(step)) warnings.push(...checkTemplateVariables(t, known))
    for (const name of listCaptures(step)) known.add(name)
  }
  return warnings
}

function checkTemplateVariables(t: Template, known: Set<string>): Diagnostic[] {
  return listTemplateVariables(t)
    .filter(v => v.source === 'vars' && !known.has(v.name))
    .map(v =>
      warningAt(
        v.at,
        'undefined-variable',
        `variable '${v.name}' is not defined`,
        `define it under vars:, pass --var ${v.name}=..., or capture it with (?<${v.name}>...) in an earlier step`,
      ),
    )
}
