/**
 * The names a sequence's templates read, checked before a run against what can give them a value: the file's
 * `vars:` and `inputs:`, names the run provides (a suite's vars, `--var`, `--var-file`, the session's), and the
 * captures of earlier steps. `{{env.NAME}}` is read from the environment at run time and never checked here.
 */
import { errorAt, type Diagnostic } from '../model/diagnostic.js'
import type { Sequence, SequenceInput, Template } from '../model/sequence.js'
import { listSteps } from './lint/lint-context.js'
import { listCaptures, listMatcherTemplates, listStepTemplates } from './list-step-templates.js'
import { listCloseCandidates } from './suggest.js'
import { listTemplateNames, listTemplateVariables } from './template.js'

/** Every `{{name}}` nothing gives a value to (`undefined-variable`), or that a later step captures (`used-before-capture`). */
export function checkTemplateNames(sequence: Sequence, provided: Iterable<string>): Diagnostic[] {
  const known = new Set([...Object.keys(sequence.vars), ...(sequence.inputs ?? []).map(input => input.name), ...provided])
  const steps = listSteps(sequence)
  const captures = steps.map(({ step }) => listCaptures(step))
  const capturedBy = new Map<string, string>()
  for (let i = steps.length - 1; i >= 0; i--) {
    const { phase, step } = steps[i]!
    for (const name of captures[i]!) capturedBy.set(name, phase === 'steps' ? `step ${step.no}` : `${phase} step ${step.no}`)
  }
  const problems = listMatcherTemplates(sequence.abort).flatMap(t => checkNames(t, known, capturedBy))
  steps.forEach(({ step }, i) => {
    for (const t of listStepTemplates(step)) problems.push(...checkNames(t, known, capturedBy))
    for (const name of captures[i]!) known.add(name)
  })
  return problems
}

function checkNames(t: Template, known: ReadonlySet<string>, capturedBy: ReadonlyMap<string, string>): Diagnostic[] {
  // Nearly every name is known: where each is written is worked out only for a template with one that is not.
  if (listTemplateNames(t).every(v => v.source !== 'vars' || known.has(v.name))) return []
  return listTemplateVariables(t)
    .filter(v => v.source === 'vars' && !known.has(v.name))
    .map(v => {
      const capturer = capturedBy.get(v.name)
      if (capturer !== undefined) {
        return errorAt(
          v.expressionAt,
          'used-before-capture',
          `variable '${v.name}' is used before ${capturer} captures it`,
          `use it after ${capturer}, or give it a value under vars: for the steps before`,
        )
      }
      const close = listCloseCandidates(v.name, known)
      const declare = `declare it under inputs: and give it with --var ${v.name}=..., or give it a value under vars:`
      return errorAt(
        v.expressionAt,
        'undefined-variable',
        `variable '${v.name}' has no value: no vars:, inputs:, --var or earlier capture gives it one`,
        close.length === 0 ? declare : `did you mean ${close.map(name => `'${name}'`).join(' or ')}? Otherwise ${declare}`,
      )
    })
}

/** The declared inputs a run has no value for (`missing-input`), located where each is declared. */
export function checkInputValues(sequence: Sequence, has: (name: string) => boolean): Diagnostic[] {
  return (sequence.inputs ?? []).filter(input => !has(input.name)).map(describeMissingInput)
}

function describeMissingInput(input: SequenceInput): Diagnostic {
  const what = input.description === undefined ? '' : ` (${input.description})`
  return errorAt(
    input.at,
    'missing-input',
    `input '${input.name}'${what} has no value`,
    `give it with --var ${input.name}=... or --var-file ${input.name}=<path>, or in the suite's or the device's vars`,
  )
}
