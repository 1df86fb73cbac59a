import { warningAt, type Diagnostic } from '../../model/diagnostic.js'
import type { LineMatcher, Step, Template } from '../../model/sequence.js'
import { listServerTemplates } from '../build-server-steps.js'
import { listTemplateVariables } from '../template.js'
import { listSteps, type LintContext } from './lint-context.js'

/** `undefined-variable`: a template reads a variable that no `vars`, `--var` or earlier named capture defines. */
export function lintUndefinedVariables(ctx: LintContext): Diagnostic[] {
  const known = new Set(Object.keys(ctx.vars))
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

function listStepTemplates(step: Step): Template[] {
  const action = step.action
  const own =
    action.kind === 'send'
      ? [action.command]
      : action.kind === 'data'
        ? [action.data]
        : action.kind === 'publish'
          ? [action.message.topic, ...(action.message.payload ? [action.message.payload] : [])]
          : []
  const broker =
    step.broker === undefined ? [] : [step.broker.received.topic, ...(step.broker.received.payload ? [step.broker.received.payload] : [])]
  const final = step.final === undefined ? [] : [step.final.matcher]
  return [...own, ...listMatcherTemplates([...step.expect, ...final, ...step.urcs]), ...broker, ...listServerTemplates(step)]
}

function listMatcherTemplates(matchers: readonly LineMatcher[]): Template[] {
  return matchers.map(m => (m.kind === 'absent' ? m.matcher : m)).map(m => (m.kind === 'exact' ? m.text : m.pattern))
}

/** Names of the `(?<name>...)` groups a step's regexes capture. */
function listCaptures(step: Step): string[] {
  const regexes = [...step.expect, ...step.urcs, ...(step.final ? [step.final.matcher] : [])].flatMap(m =>
    m.kind === 'regex' ? [m.pattern.text] : [],
  )
  return regexes.flatMap(source => [...source.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map(m => m[1]!))
}
