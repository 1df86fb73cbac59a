/**
 * Turns a step's templates into what the executors compare against: rendered text and
 * compiled regexes. A bad template or regex becomes a StepProblem carrying its location.
 */
import { formatDiagnostic } from '../model/diagnostic.js'
import { renderTemplate, TemplateError, listTemplateVariables } from '../sequence/template.js'
import { COMMAND_LINE, describeBreak, findCommandBreaker, findPromptEnder, PROMPT_DATA } from '../sequence/check-command-values.js'
import type { BrokerCheck, FinalMatcher, LineMatcher, Step, Template } from '../model/sequence.js'
import { compileStepRegex } from './compile-step-regex.js'
import { describeMatcher, type RenderedMatcher } from './line-matching.js'
import type { RunContext } from './run-context.js'

/** A step's expectations, rendered. */
export interface RenderedExpectations {
  lines: RenderedMatcher[]
  absent: RenderedMatcher[]
  final: RenderedMatcher
  urcs: RenderedMatcher[]
  /** The step's broker check as a user reads it (`broker: topic t, payload "p", qos 1`), when it has one. */
  broker?: string
}

/** Something in the step itself (not the modem) made it impossible to run. */
export class StepProblem extends Error {
  override readonly name = 'StepProblem'
}

const DEFAULT_FINAL: RenderedMatcher = { kind: 'exact', text: 'OK' }

/** Renders one template with the run's variables (and `env.NAME` where written). */
export function renderText(template: Template, ctx: RunContext): string {
  try {
    return renderTemplate(template, { vars: ctx.vars, env: pickEnv(template) })
  } catch (error) {
    const message = error instanceof TemplateError ? formatDiagnostic(error.diagnostic) : String(error)
    throw new StepProblem(message, { cause: error })
  }
}

// A render copies the env it is given; process.env holds the whole shell's, so only the names the template reads go in.
function pickEnv(template: Template): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const v of listTemplateVariables(template)) if (v.source === 'env') env[v.name] = process.env[v.name]
  return env
}

/**
 * Checks what a `send` or `data` step will write once rendered, before anything is written: no value (a capture,
 * an `env.` variable) may break out of the command line or end prompt data early, and hex data must be whole bytes.
 */
export function checkRenderedAction(step: Step, ctx: RunContext): void {
  const action = step.action
  if (action.kind === 'send') checkBreak(action.command, renderText(action.command, ctx), findCommandBreaker, COMMAND_LINE, ctx)
  if (action.kind !== 'data') return
  const text = renderText(action.data, ctx)
  if (action.encoding === 'hex' && !/^(?:\s*[0-9A-Fa-f]{2})*\s*$/.test(text)) {
    const at = action.data.at
    throw new StepProblem(`${at.file}:${at.line}:${at.col}: hex data renders to '${text}', not pairs of hex digits [bad-hex]`)
  }
  if (action.encoding === 'text' && action.end !== 'none') checkBreak(action.data, text, findPromptEnder, PROMPT_DATA, ctx)
}

/** Throws when `find` finds a breaking byte in the rendered text, naming the value that brought it (by the same `find`). */
function checkBreak(template: Template, rendered: string, find: (text: string) => string | undefined, what: string, ctx: RunContext): void {
  const breaker = find(rendered)
  if (breaker === undefined) return
  const valueOf = (v: { name: string; source: 'vars' | 'env' }): string =>
    (v.source === 'env' ? process.env[v.name] : ctx.vars[v.name]) ?? ''
  const culprit = listTemplateVariables(template).find(v => find(valueOf(v)) === breaker)
  const name = culprit === undefined ? undefined : culprit.source === 'env' ? `env.${culprit.name}` : culprit.name
  throw new StepProblem(formatDiagnostic(describeBreak(culprit?.at ?? template.at, name, breaker, what)))
}

/** Renders an exact or regex matcher; `absent` matchers are rendered through `renderMatchers`. */
export function renderMatcher(matcher: Exclude<LineMatcher, { kind: 'absent' }>, ctx: RunContext): RenderedMatcher {
  if (matcher.kind === 'exact') return { kind: 'exact', text: renderText(matcher.text, ctx) }
  const source = renderText(matcher.pattern, ctx)
  try {
    return { kind: 'regex', re: compileStepRegex(source, matcher.flags), source }
  } catch (error) {
    const at = matcher.pattern.at
    throw new StepProblem(`${at.file}:${at.line}:${at.col}: invalid regular expression /${source}/: ${(error as Error).message}`)
  }
}

/** Renders every expectation of a step. */
export function renderExpectations(step: Step, ctx: RunContext): RenderedExpectations {
  const lines: RenderedMatcher[] = []
  const absent: RenderedMatcher[] = []
  for (const matcher of step.expect) {
    if (matcher.kind === 'absent') absent.push(renderMatcher(matcher.matcher, ctx))
    else lines.push(renderMatcher(matcher, ctx))
  }
  return {
    lines,
    absent,
    final: renderFinal(step.final, ctx),
    urcs: step.urcs.flatMap(matcher => (matcher.kind === 'absent' ? [] : [renderMatcher(matcher, ctx)])),
    ...(step.broker === undefined ? {} : { broker: describeBrokerCheck(step.broker, ctx) }),
  }
}

/** Says every property a broker check holds the message to, so a report can show why a message did not count. */
function describeBrokerCheck(check: BrokerCheck, ctx: RunContext): string {
  const wanted = check.received
  const payload = wanted.payload === undefined ? undefined : ctx.masker.mask(renderText(wanted.payload, ctx))
  return [
    `broker: ${check.will ? 'will, ' : ''}topic ${renderText(wanted.topic, ctx)}`,
    ...(payload === undefined ? [] : [`payload ${JSON.stringify(payload)}`]),
    ...(wanted.qos === undefined ? [] : [`qos ${wanted.qos}`]),
    ...(wanted.retain === undefined ? [] : [`retain ${String(wanted.retain)}`]),
  ].join(', ')
}

function renderFinal(final: FinalMatcher | undefined, ctx: RunContext): RenderedMatcher {
  return final ? renderMatcher(final.matcher, ctx) : DEFAULT_FINAL
}

/** The expectations as a user reads them in the report. */
export function describeExpectations(expectations: RenderedExpectations, hasFinal: boolean): string[] {
  return [
    ...expectations.lines.map(describeMatcher),
    ...(hasFinal ? [describeMatcher(expectations.final)] : []),
    ...expectations.urcs.map(urc => `urc: ${describeMatcher(urc)}`),
    ...expectations.absent.map(line => `not: ${describeMatcher(line)}`),
    ...(expectations.broker === undefined ? [] : [expectations.broker]),
  ]
}
