/** Steps on the server side: the broker publishes to the modem, or only a broker check. */
import type { Step } from '../../model/sequence.js'
import { errored, type AttemptResult } from '../attempt.js'
import { executeWait } from './waiting.js'
import { renderText } from '../render-step.js'
import type { RunContext } from '../run-context.js'

/** Runs a `publish` step: the broker sends a message to the modem's subscriptions, then the step's URCs are awaited. */
export async function executePublish(step: Step, ctx: RunContext): Promise<AttemptResult> {
  const action = step.action
  if (action.kind !== 'publish') throw new TypeError(`executePublish got a ${action.kind} step`)
  const topic = renderText(action.message.topic, ctx)
  const payload = action.message.payload ? renderText(action.message.payload, ctx) : ''
  const expected = [`publish ${topic} (${Buffer.byteLength(payload)} bytes)`]
  if (!ctx.broker)
    return errored(
      { expected, received: [], unexpectedUrcs: [] },
      'broker-missing',
      'this step publishes from the broker, but the run has none: give --broker <url>',
    )
  await ctx.broker.publish({
    topic,
    payload,
    ...(action.message.qos === undefined ? {} : { qos: action.message.qos }),
    ...(action.message.retain === undefined ? {} : { retain: action.message.retain }),
  })
  return executeWait(step, ctx)
}
