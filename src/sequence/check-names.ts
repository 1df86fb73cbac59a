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
import { listTemplateVariables } from './template.js'

/** Every `{{name}}` nothing gives a value to (`undefined-variable`), or that a later step captures (`used-before-capture`). */
export function checkTemplateNames(sequence: Sequence, provided: Iterable<string>): Diagnostic[] {
  const known = new Set([...Object.keys(sequence.vars), ...(sequence.inputs ?? []).map(input => input.name), ...provided])
  const steps = listSteps(sequence)
  const capturedBy = new Map<string, string>()
  for (const { phase, step } of steps.slice().reverse())
    for (const name of listCaptures(step)) capturedBy.set(name, phase === 'steps' ? `step ${step.no}` : `${phase} step ${step.no}`)
  const problems = listMatcherTemplates(sequence.abort).flatMap(t => checkNames(t, known, capturedBy))
  for (const { step } of steps) {
    problems.push(...listStepTemplates(step).flatMap(t => checkNames(t, known, capturedBy)))
    for (const name of listCaptures(step)) known.add(name)
  }
  return problems
}

function checkNames(t: Template, known: ReadonlySet<string>, capturedBy: ReadonlyMap<string, string>): Diagnostic[] {
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
