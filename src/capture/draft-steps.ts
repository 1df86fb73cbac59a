/**
 * Turns a captured session into the steps of a sequence draft: each command with its response lines and
 * final result code as expectations, prompt data as data steps (`4.1` opens the prompt, `4.2` types into it),
 * URCs that arrived after a step as that step's URC expectations, and values that change as regexes.
 */
import type { DataEnd } from '../model/sequence.js'
import { formatDuration } from '../sequence/duration.js'
import type { CapturedStep } from './capture-session.js'
import { toDraftLine, type DraftLine } from './volatile-rules.js'

export interface DraftStep {
  no: string
  /** `isTemplate`: the text is already a template (credentials lifted into `{{name}}`), written as is. */
  action: { kind: 'send'; command: string; isTemplate?: boolean } | { kind: 'data'; data: string; end: DataEnd; isTemplate?: boolean }
  expect: DraftLine[]
  urcs: DraftLine[]
  /** Set when the step's URCs took longer than the default timeout allows for comfortably. */
  timeoutMs?: number
  /** Why a person must look at this step before relying on it (no final result code came). */
  review?: string
}

/** URCs a modem prints on its own at boot or on network events; they are noted, never required. */
const AMBIENT_URCS = /^(RDY|\+CPIN: READY|SMS Ready|PB DONE|\*ATREADY|\+CGEV: .*|\+CREG: \d.*|\+CGREG: \d.*|\+CEREG: \d.*)$/

export interface DraftOptions {
  /** The sequence's default step timeout (ms). */
  defaultTimeoutMs: number
}

/** The draft's steps and the ambient URCs left out of it (shown as a comment). */
export function buildDraftSteps(captured: readonly CapturedStep[], options: DraftOptions): { steps: DraftStep[]; ambient: string[] } {
  const ambient: string[] = []
  const steps: DraftStep[] = []
  let number = 0
  let sub = 0
  captured.forEach((step, index) => {
    const opensPrompt = step.kind === 'command' && step.final === '>' && captured[index + 1]?.kind === 'data'
    if (step.kind === 'data' && sub > 0) sub += 1
    else if (opensPrompt) [number, sub] = [number + 1, 1]
    else [number, sub] = [number + 1, 0]
    const urcs = step.urcs.filter(urc => !AMBIENT_URCS.test(urc.text) || (ambient.push(urc.text), false))
    steps.push({
      no: sub === 0 ? String(number) : `${number}.${sub}`,
      action: step.kind === 'command' ? { kind: 'send', command: step.text } : { kind: 'data', data: step.text, end: step.end },
      expect: [...step.responses.map(toDraftLine), ...(step.final === undefined ? [] : [{ kind: 'exact' as const, text: step.final }])],
      urcs: urcs.map(urc => toDraftLine(urc.text)),
      ...timeoutFor(urcs, options),
      ...describeUnanswered(step),
    })
    if (!opensPrompt && step.kind === 'data') sub = 0
  })
  return { steps, ambient }
}

/** An unanswered step is kept with what did arrive, and says so: it is never left out of the draft. */
function describeUnanswered(step: CapturedStep): { review?: string } {
  if (step.unanswered === undefined) return {}
  const how: Record<NonNullable<CapturedStep['unanswered']>['outcome'], string> = {
    timeout: 'within',
    overflow: 'before the modem sent more than atseq keeps, after',
    cancelled: 'before the wait was cancelled after',
    dropped: 'before the link dropped after',
    aborted: 'before an abort line after',
  }
  const arrived = step.responses.length === 0 ? 'nothing arrived' : 'only the lines below arrived'
  return {
    review: `no final result code ${how[step.unanswered.outcome]} ${formatDuration(Math.round(step.unanswered.waitedMs / 100) * 100)}; ${arrived}`,
  }
}

/** Three times the slowest URC's arrival, in whole seconds, when that exceeds half the default timeout. */
function timeoutFor(urcs: ReadonlyArray<{ afterMs: number }>, options: DraftOptions): { timeoutMs?: number } {
  const slowestMs = Math.max(0, ...urcs.map(urc => urc.afterMs))
  if (slowestMs * 2 <= options.defaultTimeoutMs) return {}
  return { timeoutMs: Math.ceil((slowestMs * 3) / 1000) * 1000 }
}
