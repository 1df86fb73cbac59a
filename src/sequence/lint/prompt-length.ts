import { warningAt, type Diagnostic } from '../../model/diagnostic.js'
import type { Step, Template } from '../../model/sequence.js'
import { renderTemplate, TemplateError } from '../template.js'
import { parseAtCommand } from '../../modem/at-command-line.js'
import { listSteps, nameStep, type LintContext } from './lint-context.js'
import { findSending } from './prompt-data.js'

/** `prompt-length-mismatch`: a prompt command declares N bytes and the data step after it has a different length. */
export function lintPromptLength(ctx: LintContext): Diagnostic[] {
  const steps = listSteps(ctx.sequence)
  const warnings: Diagnostic[] = []
  steps.forEach((entry, i) => {
    // A sleep or wait between them sends nothing: the prompt still reads the data that follows.
    const next = findSending(steps, i, 1)
    if (entry.step.action.kind !== 'send' || next === undefined || next.step.action.kind !== 'data') return
    const declared = readDeclaredLength(entry.step.action.command, ctx)
    const actual = measureData(next.step, ctx)
    if (declared === undefined || actual === undefined || declared === actual) return
    warnings.push(
      warningAt(
        next.step.action.data.at,
        'prompt-length-mismatch',
        `${nameStep(next.phase, next.step)}: the data is ${actual} bytes but ${nameStep(entry.phase, entry.step)} declares ${declared}`,
        `make them agree, e.g. with {{len name}} in the command`,
      ),
    )
  })
  return warnings
}

function readDeclaredLength(command: Template, ctx: LintContext): number | undefined {
  const text = tryRender(command, ctx)
  const parsed = text === undefined ? undefined : parseAtCommand(text.trim())
  const index = parsed === undefined || parsed.form !== 'write' ? undefined : ctx.vocabulary.commands.get(parsed.name)?.promptLengthParam
  const value = index === undefined ? undefined : parsed?.args[index]
  return value !== undefined && !value.quoted && /^\d+$/.test(value.text) ? Number(value.text) : undefined
}

function measureData(step: Step, ctx: LintContext): number | undefined {
  if (step.action.kind !== 'data') return undefined
  const text = tryRender(step.action.data, ctx)
  if (text === undefined) return undefined
  return step.action.encoding === 'hex' ? text.replace(/\s+/g, '').length / 2 : Buffer.byteLength(text, 'utf8')
}

function tryRender(t: Template, ctx: LintContext): string | undefined {
  try {
    return renderTemplate(t, { vars: ctx.vars })
  } catch (error) {
    if (error instanceof TemplateError) return undefined
    throw error
  }
}
