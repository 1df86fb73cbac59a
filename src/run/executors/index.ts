/** One registry from a step's action kind to the function that runs one attempt of it. */
import type { Step, StepAction } from '../../model/sequence.js'
import { errored, type AttemptResult } from '../attempt.js'
import type { RunContext } from '../run-context.js'
import { executePublish } from './broker-steps.js'
import { executeServe } from './server-steps.js'
import { executeData, executeSend } from './exchange.js'
import { executeSleep, executeWait } from './waiting.js'

export type Executor = (step: Step, ctx: RunContext) => Promise<AttemptResult>

const EXECUTORS: Record<StepAction['kind'], Executor> = {
  send: executeSend,
  data: executeData,
  wait: executeWait,
  check: executeWait,
  sleep: executeSleep,
  publish: executePublish,
  serve: executeServe,
  todo: async step =>
    errored(
      { expected: [], received: [], unexpectedUrcs: [] },
      'todo',
      `row ${step.no} could not be read from the spec table and was kept as a todo: write it as a step`,
    ),
}

/** The executor for a step's action. */
export function executorFor(step: Step): Executor {
  return EXECUTORS[step.action.kind]
}
