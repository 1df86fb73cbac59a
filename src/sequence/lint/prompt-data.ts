import { warningAt, type Diagnostic } from '../../model/diagnostic.js'
import type { Phase, Step } from '../../model/sequence.js'
import { listSteps, nameStep, type LintContext } from './lint-context.js'

export type Entry = { phase: Phase; index: number; step: Step }

/**
 * `prompt-without-data`: a step ends with the `>` prompt and no data step follows; `data-without-prompt`: the
 * reverse. `sleep` and `wait` steps send nothing, so they may stand between a prompt and its data.
 */
export function lintPromptData(ctx: LintContext): Diagnostic[] {
  const entries = listSteps(ctx.sequence)
  const warnings: Diagnostic[] = []
  entries.forEach((entry, i) => {
    const next = findSending(entries, i, 1)
    const previous = findSending(entries, i, -1)
    const nextIsData = next !== undefined && next.step.action.kind === 'data'
    const previousPrompts =
      previous !== undefined && (endsWithPrompt(previous.step) || endsWithConnect(previous.step) || isOnlineData(previous.step))
    if (endsWithPrompt(entry.step) && !nextIsData) {
      warnings.push(
        warningAt(
          entry.step.at,
          'prompt-without-data',
          `${nameStep(entry.phase, entry.step)}: expects the > prompt but no data step follows`,
          'add a step with data: <bytes> right after it',
        ),
      )
    }
    if (entry.step.action.kind === 'data' && !previousPrompts) {
      warnings.push(
        warningAt(
          entry.step.at,
          'data-without-prompt',
          `${nameStep(entry.phase, entry.step)}: sends data but the step before it does not expect the > prompt`,
          'make the step before it expect: ">"',
        ),
      )
    }
  })
  return warnings
}

/** The nearest step of the same phase in `direction` that sends something, passing over `sleep` and `wait`. */
export function findSending(entries: readonly Entry[], from: number, direction: 1 | -1): Entry | undefined {
  const phase = entries[from]!.phase
  for (let i = from + direction; i >= 0 && i < entries.length && entries[i]!.phase === phase; i += direction) {
    const kind = entries[i]!.step.action.kind
    if (kind !== 'sleep' && kind !== 'wait') return entries[i]
  }
  return undefined
}

/**
 * `CONNECT` (or V.250's `CONNECT <text>`, SIMCom's transparent `CONNECT 115200`) opens a data mode that takes data
 * too (Quectel AT+QFUPL reads the file's bytes after it).
 */
function endsWithConnect(step: Step): boolean {
  const matcher = step.final?.matcher
  const text = matcher?.kind === 'exact' ? matcher.text.text.trim() : ''
  return text === 'CONNECT' || text.startsWith('CONNECT ')
}

/** Raw data that expects raw bytes back and no final result code: the port is still in data mode after it. */
function isOnlineData(step: Step): boolean {
  return step.action.kind === 'data' && step.final === undefined && step.raw !== undefined
}

function endsWithPrompt(step: Step): boolean {
  const matcher = step.final?.matcher
  if (matcher === undefined) return false
  return matcher.kind === 'exact' ? matcher.text.text.trim() === '>' : /^\^?>\$?$/.test(matcher.pattern.text)
}
