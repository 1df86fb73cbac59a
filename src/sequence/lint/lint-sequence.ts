import { sortDiagnostics, type Diagnostic } from '../../model/diagnostic.js'
import type { Sequence } from '../../model/sequence.js'
import { familiesFor } from '../../modem/families/index.js'
import type { LintContext, LintRule } from './lint-context.js'
import { lintNoExpectation } from './no-expectation.js'
import { lintNonAsciiCommand } from './non-ascii-command.js'
import { lintPromptData } from './prompt-data.js'
import { lintPromptLength } from './prompt-length.js'
import { lintStepNumbers } from './step-numbers.js'
import { lintTodoSteps } from './todo-step.js'
import { lintUndefinedVariables } from './undefined-variable.js'
import { lintUnframedMqttPayload } from './unframed-mqtt-payload.js'
import { lintUnknownCommand } from './unknown-command.js'
import { lintUrcName } from './urc-name.js'

/** Every lint rule, each with its stable code(s). */
export const LINT_RULES: Record<string, LintRule> = {
  'prompt-length-mismatch': lintPromptLength,
  'non-ascii-command': lintNonAsciiCommand,
  'urc-name-mismatch': lintUrcName,
  'prompt-without-data / data-without-prompt': lintPromptData,
  'duplicate-step-number / step-number-order': lintStepNumbers,
  'no-expectation': lintNoExpectation,
  'undefined-variable': lintUndefinedVariables,
  'todo-step': lintTodoSteps,
  'unknown-command': lintUnknownCommand,
  'unframed-mqtt-payload': lintUnframedMqttPayload,
}

export interface LintOptions {
  /** Values given on the command line (`--var k=v`); they count as defined and override the file's vars. */
  vars?: Record<string, string>
}

/** Runs every lint rule on a loaded sequence; returns warnings in file order. */
export function lintSequence(sequence: Sequence, options: LintOptions = {}): Diagnostic[] {
  const fileVars = Object.fromEntries(Object.entries(sequence.vars).map(([name, v]) => [name, v.value]))
  const ctx: LintContext = { sequence, vars: { ...fileVars, ...options.vars }, vocabulary: readVocabulary(sequence) }
  return sortDiagnostics(Object.values(LINT_RULES).flatMap(rule => rule(ctx)))
}

function readVocabulary(sequence: Sequence): LintContext['vocabulary'] {
  const families = familiesFor(sequence.device)
  return {
    commands: new Map(families.flatMap(family => family.commands.map(command => [command.name, command] as const))),
    unsolicitedOnly: new Set(families.flatMap(family => family.unsolicitedOnly)),
  }
}
