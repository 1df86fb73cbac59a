/**
 * Runs one step with its retries and turns the attempts into a StepResult.
 * Retry, timeout scaling and captures live here, never inside an executor.
 */
import { setTimeout as delay } from 'node:timers/promises'
import type { Phase, ServeAction, Step, Template } from '../model/sequence.js'
import type { StepAttempt, StepResult } from '../model/run-record.js'
import { errored, InfrastructureError, type AttemptResult, type RunInterruption } from './attempt.js'
import { executorFor } from './executors/index.js'
import { describeServeAction, renderServeAction } from './executors/server-steps.js'
import { checkRenderedAction, renderText, StepProblem } from './render-step.js'
import type { RunContext, RunEvents } from './run-context.js'
import type { Recorder } from '../record/recorder.js'
import { scaleMs } from './timeouts.js'

/** A finished step and whether the run can go on after it. */
export interface StepRun {
  result: StepResult
  interruption?: RunInterruption
  invalidInput?: boolean
  infrastructure?: boolean
  crash?: Error
}

/** Runs a step (with its retries), records it, stores its captures, and returns its result. */
export async function runStep(phase: Phase, step: Step, ctx: RunContext): Promise<StepRun> {
  ctx.events.onStepStart?.(phase, step)
  const from = ctx.recorder.markTranscript()
  const startedAtMs = ctx.recorder.elapsedMs()
  const { attempt, attempts, log } = await attemptWithRetries(phase, step, ctx)
  if (attempt.status === 'passed') storeCaptures(attempt.captures, ctx)
  // The recorder masks what it keeps; the console and the caller get that same masked result.
  const result = ctx.recorder.recordStep({
    phase,
    no: step.no,
    ...(step.description === undefined ? {} : { description: step.description }),
    action: describeAction(step, ctx),
    actionKind: step.action.kind,
    expected: attempt.expected,
    received: attempt.received,
    status: attempt.status,
    ...(attempt.reason === undefined ? {} : { reason: attempt.reason }),
    ...(attempt.failure === undefined ? {} : { failure: { kind: attempt.failure } }),
    startedAtMs,
    durationMs: ctx.recorder.elapsedMs() - startedAtMs,
    attempts,
    ...(log.length > 1 ? { attemptLog: log } : {}),
    captures: attempt.captures,
    unexpectedUrcs: attempt.unexpectedUrcs,
    transcript: { from, to: ctx.recorder.markTranscript() },
    at: step.at,
  })
  ctx.events.onStepEnd?.(result)
  return {
    result,
    ...(attempt.interruption ? { interruption: attempt.interruption } : {}),
    ...(attempt.invalidInput ? { invalidInput: true } : {}),
    ...(attempt.infrastructure ? { infrastructure: true } : {}),
    ...(attempt.crash ? { crash: attempt.crash } : {}),
  }
}

/** A step that is not run (after a failure, a drop or Ctrl-C) is still recorded. */
export function skipStep(phase: Phase, step: Step, ctx: RunContext, reason: string): StepResult {
  return recordSkippedStep(phase, step, { recorder: ctx.recorder, events: ctx.events, action: describeAction(step, ctx), reason })
}

/** Records a step as skipped, with why; also used when the device could not even be opened. */
export function recordSkippedStep(
  phase: Phase,
  step: Step,
  how: { recorder: Recorder; events: RunEvents; action: string; reason: string },
): StepResult {
  const mark = how.recorder.markTranscript()
  const result = how.recorder.recordStep({
    phase,
    no: step.no,
    ...(step.description === undefined ? {} : { description: step.description }),
    action: how.action,
    actionKind: step.action.kind,
    expected: [],
    received: [],
    status: 'skipped',
    reason: how.reason,
    startedAtMs: how.recorder.elapsedMs(),
    durationMs: 0,
    attempts: 0,
    captures: {},
    unexpectedUrcs: [],
    transcript: { from: mark, to: mark },
    at: step.at,
  })
  how.events.onStepEnd?.(result)
  return result
}

interface Attempts {
  attempt: AttemptResult
  attempts: number
  /** Every attempt made, in order (masked by the recorder with the rest of the step). */
  log: StepAttempt[]
}

async function attemptWithRetries(phase: Phase, step: Step, ctx: RunContext): Promise<Attempts> {
  const times = step.retry?.times ?? 0
  const log: StepAttempt[] = []
  for (;;) {
    const n = log.length + 1
    ctx.events.onAttemptStart?.(phase, step, { n, of: times + 1 })
    const startedAtMs = ctx.recorder.elapsedMs()
    const attempt = await attemptOnce(step, ctx)
    log.push(describeAttempt(n, startedAtMs, attempt, ctx))
    if (attempt.status !== 'failed' || n > times || ctx.signal.aborted) return { attempt, attempts: n, log }
    ctx.recorder.recordNote(`step ${step.no}: attempt ${n} failed (${attempt.reason ?? ''}); retrying`)
    try {
      await delay(scaleMs(step.retry?.everyMs ?? 0, ctx), undefined, { signal: ctx.signal })
    } catch {
      return { attempt, attempts: n, log }
    }
  }
}

function describeAttempt(n: number, startedAtMs: number, attempt: AttemptResult, ctx: RunContext): StepAttempt {
  return {
    n,
    startedAtMs,
    durationMs: ctx.recorder.elapsedMs() - startedAtMs,
    status: attempt.status,
    ...(attempt.reason === undefined ? {} : { reason: attempt.reason }),
    ...(attempt.failure === undefined ? {} : { failure: { kind: attempt.failure } }),
    received: attempt.received,
  }
}

async function attemptOnce(step: Step, ctx: RunContext): Promise<AttemptResult> {
  try {
    checkRenderedAction(step, ctx)
    return await executorFor(step)(step, ctx)
  } catch (error) {
    if (error instanceof StepProblem)
      return { ...errored({ expected: [], received: [], unexpectedUrcs: [] }, 'invalid-step', error.message), invalidInput: true }
    if (error instanceof InfrastructureError)
      return { ...errored({ expected: [], received: [], unexpectedUrcs: [] }, 'broker-missing', error.message), infrastructure: true }
    // A bug in atseq: the step errors and the run goes on to teardown, so the modem is left as the sequence leaves it.
    const crash = error instanceof Error ? error : new Error(String(error))
    return { ...errored({ expected: [], received: [], unexpectedUrcs: [] }, 'crashed', `atseq crashed: ${crash.message}`), crash }
  }
}

function storeCaptures(captures: Record<string, string>, ctx: RunContext): void {
  for (const [name, value] of Object.entries(captures)) {
    ctx.vars[name] = value
    if (ctx.secretNames.has(name)) ctx.masker.addSecret(value)
  }
}

/** The step's action as a user reads it, rendered where possible. */
function describeAction(step: Step, ctx: RunContext): string {
  const action = step.action
  const render = (template: Template): string => renderOrRaw(template, ctx)
  switch (action.kind) {
    case 'send':
      return render(action.command)
    case 'data':
      return `${render(action.data)}${action.end === 'none' ? '' : ` + ${action.end}`}`
    case 'wait':
      return 'wait for URC'
    case 'sleep':
      return `sleep ${action.durationMs}ms`
    case 'publish':
      return `broker publishes on ${render(action.message.topic)}`
    case 'serve':
      return describeServe(action.serve, ctx)
    case 'check':
      return step.broker === undefined ? 'check the servers' : 'check the broker'
    case 'todo':
      return `todo: ${action.original}`
  }
}

function describeServe(action: ServeAction, ctx: RunContext): string {
  try {
    return describeServeAction(renderServeAction(action, ctx))
  } catch {
    return `${action.server} ${action.kind}`
  }
}

function renderOrRaw(template: Template, ctx: RunContext): string {
  try {
    return renderText(template, ctx)
  } catch {
    return template.text
  }
}
