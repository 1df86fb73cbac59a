/** `serve` steps: a far-side server acts (sends, closes, serves a route, the network drops), then the step's URCs are awaited. */
import type { ServeAction, Step, Template } from '../../model/sequence.js'
import type { ServerAction } from '../../model/server-link.js'
import { errored, type AttemptResult } from '../attempt.js'
import { findMissingServer } from '../judge-server.js'
import { renderText } from '../render-step.js'
import type { RunContext } from '../run-context.js'
import { renderServerBytes, showBytes } from '../server-matching.js'
import { executeWait } from './waiting.js'

/**
 * Runs a `serve` step. Its URCs and its `server:` checks are judged from the moment the action started, so what
 * the server received before does not count for it.
 */
export async function executeServe(step: Step, ctx: RunContext): Promise<AttemptResult> {
  const action = step.action
  if (action.kind !== 'serve') throw new TypeError(`executeServe got a ${action.kind} step`)
  const startedEpochMs = Date.now()
  const rendered = renderServeAction(action.serve, ctx)
  const evidence = { expected: [describeServeAction(rendered)], received: [], unexpectedUrcs: [] }
  const missing = findMissingServer(ctx, rendered.server)
  if (missing !== undefined) return errored(evidence, 'server-missing', missing)
  try {
    await ctx.servers!.act(rendered)
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error)
    return errored(evidence, 'server-action-failed', ctx.masker.mask(`the ${rendered.server} server could not act: ${cause}`))
  }
  return executeWait(step, ctx, startedEpochMs)
}

/** The action with its templates rendered, as the server link takes it. */
export function renderServeAction(action: ServeAction, ctx: RunContext): ServerAction {
  const render = (template: Template): string => renderText(template, ctx)
  switch (action.kind) {
    case 'send':
      return { server: action.server, kind: 'send', bytes: renderServerBytes(action.bytes, ctx) }
    case 'route': {
      const { route } = action
      return {
        server: 'http',
        kind: 'route',
        route: {
          path: render(route.path),
          status: route.status,
          headers: Object.fromEntries(Object.entries(route.headers).map(([name, value]) => [name, render(value)])),
          ...(route.method === undefined ? {} : { method: render(route.method).toUpperCase() }),
          ...(route.body === undefined ? {} : { body: Buffer.from(render(route.body), 'utf8') }),
          ...(route.delayMs === undefined ? {} : { delayMs: route.delayMs }),
          ...(route.redirect === undefined ? {} : { redirect: render(route.redirect) }),
          ...(route.chunkBytes === undefined ? {} : { chunkBytes: route.chunkBytes }),
        },
      }
    }
    case 'file':
      return { server: 'ftp', kind: 'file', path: render(action.path), content: Buffer.from(render(action.content), 'utf8') }
    case 'deliver':
      return { server: 'sms', kind: 'deliver', from: render(action.from), text: render(action.text) }
    default:
      return action
  }
}

/** How the report names a serve action: `tcp sends "hi\r\n"`, `network drop`, `http serves GET /data (200)`. */
export function describeServeAction(action: ServerAction): string {
  switch (action.kind) {
    case 'send':
      return `${action.server} sends ${showBytes(action.bytes)}`
    case 'close':
      return `${action.server} closes the connection`
    case 'route':
      return `http serves ${action.route.method ?? 'any'} ${action.route.path} (${action.route.status})`
    case 'file':
      return `ftp offers ${action.path} (${action.content.length} bytes)`
    case 'deliver':
      return `sms from ${action.from}: ${showBytes(Buffer.from(action.text))}`
    case 'signal':
      return `network signal ${action.rssi}`
    default:
      return `network ${action.kind}`
  }
}
