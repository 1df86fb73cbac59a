import type { LineMatcher, Step, Template } from '../model/sequence.js'
import { listServerTemplates } from './build-server-steps.js'

/** Every template a step renders: its action's, its expected lines' and URCs', and its broker and server checks'. */
export function listStepTemplates(step: Step): Template[] {
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

/** The templates of line matchers (the text of an exact line, the pattern of a regex). */
export function listMatcherTemplates(matchers: readonly LineMatcher[]): Template[] {
  return matchers.map(m => (m.kind === 'absent' ? m.matcher : m)).map(m => (m.kind === 'exact' ? m.text : m.pattern))
}

/** Names of the `(?<name>...)` groups a step's regexes capture: variables for the steps after it. */
export function listCaptures(step: Step): string[] {
  const regexes = [...step.expect, ...step.urcs, ...(step.final ? [step.final.matcher] : [])].flatMap(m =>
    m.kind === 'regex' ? [m.pattern.text] : [],
  )
  return regexes.flatMap(source => [...source.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map(m => m[1]!))
}
