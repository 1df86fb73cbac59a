/**
 * Values must not smuggle commands: a CR or LF in a `send:` line ends it and starts another command, Ctrl-Z and
 * ESC end or cancel a prompt, NUL truncates the line on many firmwares. These checks run at validate time (the
 * file's vars), before a run (every `--var`, `--var-file` and device var), and at render time (captures, `env.`).
 */
import { errorAt, type Diagnostic } from '../model/diagnostic.js'
import type { SourceLocation, Step, Template } from '../model/sequence.js'
import { listTemplateNames, listTemplateVariables, renderTemplate } from './template.js'

/** The bytes that break out of a command line, with the names a person knows them by. */
const COMMAND_BREAKERS: Record<string, string> = { '\r': 'CR', '\n': 'LF', '\x1a': 'Ctrl-Z', '\x1b': 'ESC', '\0': 'NUL' }

/** The bytes that end (Ctrl-Z) or cancel (ESC) prompt data before its declared end. */
const PROMPT_ENDERS: Record<string, string> = { '\x1a': 'Ctrl-Z', '\x1b': 'ESC' }

/** The name of the first byte in `text` that would break a command line, or undefined when there is none. */
export function findCommandBreaker(text: string): string | undefined {
  return findIn(text, COMMAND_BREAKERS)
}

/** The name of the first byte that would end or cancel prompt data ended by Ctrl-Z or ESC, or undefined. */
export function findPromptEnder(text: string): string | undefined {
  return findIn(text, PROMPT_ENDERS)
}

/** Each table's bytes as one character class, built once: a scan char by char cost more than the rest of the check. */
const CHAR_CLASSES = new WeakMap<Record<string, string>, RegExp>()

function findIn(text: string, table: Record<string, string>): string | undefined {
  let chars = CHAR_CLASSES.get(table)
  if (chars === undefined) {
    chars = new RegExp(
      `[${Object.keys(table)
        .map(char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .join('')}]`,
    )
    CHAR_CLASSES.set(table, chars)
  }
  const found = chars.exec(text)
  return found === null ? undefined : table[found[0]]
}

/** What a breaking byte would break, for the diagnostic. */
export const COMMAND_LINE = 'the command line, which would end it and send the rest as another command'
export const PROMPT_DATA = 'the prompt data, which would end it before the bytes declared'

/**
 * Renders each `send:` line and each Ctrl-Z/ESC-ended `data:` with the values known now (names not yet known,
 * such as captures, render as a plain letter) and reports a value that would break out of it.
 */
export function checkCommandValues(steps: readonly Step[], vars: Record<string, string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const step of steps) {
    const action = step.action
    if (action.kind === 'send') diagnostics.push(...checkOne(action.command, vars, COMMAND_BREAKERS, COMMAND_LINE))
    else if (action.kind === 'data' && action.end !== 'none' && action.encoding === 'text')
      diagnostics.push(...checkOne(action.data, vars, PROMPT_ENDERS, PROMPT_DATA))
  }
  return diagnostics
}

function checkOne(template: Template, vars: Record<string, string>, table: Record<string, string>, what: string): Diagnostic[] {
  const scope = scopeFor(template, vars)
  let rendered: string
  try {
    rendered = renderTemplate(template, scope)
  } catch {
    return [] // bad templates have their own diagnostics
  }
  const breaker = findIn(rendered, table)
  if (breaker === undefined) return []
  const culprit = listTemplateVariables(template).find(v => v.source === 'vars' && findIn(vars[v.name] ?? '', table) !== undefined)
  // A line break written in the text itself is the schema check's `multiline-command` already.
  if (culprit === undefined && /[\r\n]/.test(template.text)) return []
  return [describeBreak(culprit?.at ?? template.at, culprit?.name, breaker, what)]
}

/** Known values as they are; every other name a placeholder, so the rest of the line can still be checked. */
function scopeFor(template: Template, vars: Record<string, string>): { vars: Record<string, string>; env: NodeJS.ProcessEnv } {
  const unknown = listTemplateNames(template).filter(v => v.source === 'env' || !Object.hasOwn(vars, v.name))
  // Most lines name only known values (or none): they render against the vars as they are, without a copy.
  if (unknown.length === 0) return { vars, env: {} }
  const scope = { vars: { ...vars }, env: {} as NodeJS.ProcessEnv }
  for (const v of unknown) {
    if (v.source === 'env') scope.env[v.name] = 'x'
    else scope.vars[v.name] = 'x'
  }
  return scope
}

/** The diagnostic for a value (or literal text) that puts `breaker` into `what`. */
export function describeBreak(at: SourceLocation, name: string | undefined, breaker: string, what: string): Diagnostic {
  const subject = name === undefined ? 'the text' : `the value of '${name}'`
  return errorAt(
    at,
    'control-character-in-value',
    `${subject} puts a ${breaker} into ${what}`,
    'remove the control character from the value; send several commands as several steps, and bytes at a prompt as a data: step',
  )
}
