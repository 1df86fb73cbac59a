/**
 * Runs a sequence's phases in order: setup, steps, then teardown always (after a failure,
 * a timeout or Ctrl-C too; only a dropped link leaves nothing to tear down over).
 */
import { EXIT } from '../model/exit-code.js'
import type { RunStatus, StepResult } from '../model/run-record.js'
import type { Phase, Step } from '../model/sequence.js'
import type { RunInterruption } from './attempt.js'
import type { RunContext } from './run-context.js'
import { runStep, skipStep, type StepRun } from './run-step.js'

/** How a run ended, before the report is written. */
export interface RunVerdict {
  status: RunStatus
  exitCode: number
  endReason?: string
  /** The error of an atseq bug that ended the run (exit 70), for `--debug`. */
  crash?: Error
}

interface RunState {
  /** Why the remaining steps are skipped, once something stopped the run. */
  stopReason?: string
  interruption?: RunInterruption
  /** A step itself was wrong (a template, a regex): the run exits 2. */
  invalidInput?: boolean
  /** A step found the broker (or another dependency besides the modem) gone. */
  infrastructure?: boolean
  /** atseq itself failed in a step (a bug). */
  crash?: Error
}

/**
 * Runs the whole sequence. `teardownSignal` replaces the run's signal during teardown, so that
 * Ctrl-C still lets teardown run (a second Ctrl-C aborts it).
 */
export async function runSequence(ctx: RunContext, teardownSignal: AbortSignal): Promise<RunVerdict> {
  const state: RunState = {}
  const results: StepResult[] = []
  for (const phase of ['setup', 'steps'] as const) {
    results.push(...(await runPhase(phase, ctx.sequence[phase], ctx, state)))
  }
  const teardownState: RunState = {}
  if (state.interruption === 'link-dropped') teardownState.stopReason = 'the link dropped: nothing to tear down over'
  results.push(...(await runPhase('teardown', ctx.sequence.teardown, { ...ctx, signal: teardownSignal }, teardownState, true)))
  return judgeRun(results, state, teardownState)
}

async function runPhase(phase: Phase, steps: Step[], ctx: RunContext, state: RunState, keepGoing = false): Promise<StepResult[]> {
  const results: StepResult[] = []
  for (const step of steps) {
    if (state.stopReason !== undefined) {
      results.push(skipStep(phase, step, ctx, state.stopReason))
      continue
    }
    let run: StepRun
    try {
      run = await runStep(phase, step, ctx)
    } catch (error) {
      // atseq failed around the step (its events, its recorder): the rest is skipped, teardown still runs.
      state.crash ??= error instanceof Error ? error : new Error(String(error))
      state.stopReason ??= `atseq crashed at step ${step.no}`
      continue
    }
    results.push(run.result)
    if (run.invalidInput) state.invalidInput = true
    if (run.infrastructure) state.infrastructure = true
    if (run.crash) {
      state.crash ??= run.crash
      if (!keepGoing) state.stopReason = `atseq crashed at step ${step.no}`
    } else if (run.interruption) {
      state.interruption = run.interruption
      state.stopReason = run.interruption === 'interrupted' ? 'the run was interrupted' : `the link dropped at step ${step.no}`
    } else if (isBad(run.result) && !isTodo(run.result) && !step.continueOnFailure && !keepGoing) {
      state.stopReason = `step ${step.no} ${run.result.status}`
    }
  }
  return results
}

function judgeRun(results: StepResult[], state: RunState, teardown: RunState): RunVerdict {
  const endReason = state.stopReason
  const reason = endReason === undefined ? {} : { endReason }
  if (state.interruption === 'interrupted' || teardown.interruption === 'interrupted') {
    return { status: 'interrupted', exitCode: EXIT.interrupted, endReason: 'interrupted by the user (Ctrl-C)' }
  }
  const crash = state.crash ?? teardown.crash
  if (crash) return { status: 'errored', exitCode: EXIT.internal, endReason: `crashed: ${crash.message}`, crash }
  if (state.interruption === 'link-dropped' || teardown.interruption === 'link-dropped') {
    return { status: 'errored', exitCode: EXIT.infrastructure, ...reason }
  }
  if (state.infrastructure || teardown.infrastructure) return { status: 'errored', exitCode: EXIT.infrastructure, ...reason }
  if (state.invalidInput || teardown.invalidInput) return { status: 'errored', exitCode: EXIT.invalidInput, ...reason }
  const todos = results.filter(isTodo).length
  // A draft whose every step is a todo tested nothing: the input is unfinished, not the modem at fault.
  if (todos > 0 && results.every(result => isTodo(result) || result.phase !== 'steps'))
    return { status: 'errored', exitCode: EXIT.invalidInput, endReason: `${describeTodos(todos)}: the sequence tests nothing yet` }
  if (results.some(result => result.status === 'errored' && !isTodo(result))) return { status: 'errored', exitCode: EXIT.failed, ...reason }
  if (results.some(result => result.status === 'failed')) return { status: 'failed', exitCode: EXIT.failed, ...reason }
  if (todos > 0) return { status: 'errored', exitCode: EXIT.failed, endReason: `${describeTodos(todos)}: write them as steps` }
  // A skip without a failure behind it would otherwise read as a pass.
  if (results.some(result => result.status !== 'passed'))
    return { status: 'errored', exitCode: EXIT.failed, endReason: endReason ?? 'steps were skipped' }
  return { status: 'passed', exitCode: EXIT.passed }
}

function isBad(result: StepResult): boolean {
  return result.status === 'failed' || result.status === 'errored'
}

/** A row the importer could not read: reported as todo, never run, never a pass. */
export function isTodo(result: Pick<StepResult, 'failure'>): boolean {
  return result.failure?.kind === 'todo'
}

function describeTodos(count: number): string {
  return count === 1 ? '1 todo step stands' : `${count} todo steps stand`
}
