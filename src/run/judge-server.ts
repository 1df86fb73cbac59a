/**
 * Judging a step's `server:` checks: each waits, within the step's window, for an event of its server that it
 * accepts. Whatever the checked servers received in the window becomes `server` lines of the step's evidence, so
 * a failure shows what arrived instead.
 */
import type { ReceivedLine } from '../model/run-record.js'
import type { Step } from '../model/sequence.js'
import type { ServerEvent, ServerLink, ServerName } from '../model/server-link.js'
import { errored, failed, type AttemptResult } from './attempt.js'
import { formatDisplayDuration } from '../model/display-duration.js'
import { evidenceOf, type Judging } from './judge-window.js'
import type { RunContext } from './run-context.js'
import { renderServerCheck, summarizeServerEvent } from './server-matching.js'

/** The step's checks as the report's Expected column shows them, rendered. */
export function describeServerChecks(step: Step, ctx: RunContext): string[] {
  return (step.server ?? []).map(check => `server: ${renderServerCheck(check, ctx).description}`)
}

/** Says why a run cannot reach a server a step names, or undefined when it can. */
export function findMissingServer(ctx: RunContext, server: ServerName): string | undefined {
  if (ctx.servers?.names.includes(server)) return undefined
  if (server === 'network') return 'a real device has no network atseq can drop or weaken: run this step on sim://'
  if (!ctx.servers) return `this step uses the ${server} server, but the run has no far-side servers: run it on sim://`
  return `this step uses the ${server} server, which this run does not have (it has ${ctx.servers.names.join(', ') || 'none'})`
}

/**
 * Checks what the far-side servers received at or after `sinceEpochMs` (0: since the run started), waiting until
 * the step's deadline for what has not arrived yet; returns a failure or undefined.
 */
export async function judgeServer(judging: Judging, sinceEpochMs: number): Promise<AttemptResult | undefined> {
  const { ctx, step } = judging
  const checks = (step.server ?? []).map(check => renderServerCheck(check, ctx))
  if (checks.length === 0) return undefined
  const evidence = (): ReturnType<typeof evidenceOf> => {
    judging.serverLines = collectServerLines(ctx, [...new Set(checks.map(check => check.server))], sinceEpochMs)
    return evidenceOf(judging)
  }
  for (const check of checks) {
    const missing = findMissingServer(ctx, check.server)
    if (missing !== undefined) return errored(evidence(), 'server-missing', missing)
    const wait = await ctx.servers!.waitFor(check.server, check.createMatch(), {
      timeoutMs: Math.max(0, judging.deadlineMs - ctx.recorder.elapsedMs()),
      signal: ctx.signal,
      since: sinceEpochMs,
    })
    if (wait.outcome === 'received') continue
    if (wait.outcome === 'aborted') return errored(evidence(), 'interrupted', 'interrupted by the user', 'interrupted')
    if (wait.outcome === 'failed')
      return errored(evidence(), 'server-missing', `the ${check.server} server could not be checked: ${wait.reason}`)
    const windowMs = Math.max(0, judging.deadlineMs - judging.window.startedAtMs)
    const seen = describeReceived(ctx.servers!, check.server, sinceEpochMs, ctx)
    return failed(
      evidence(),
      'server-timeout',
      `expected ${ctx.masker.mask(check.description)} within ${formatDisplayDuration(windowMs)}; ${seen}`,
    )
  }
  evidence()
  return undefined
}

/** "it received nothing" or "it received tcp #1: "hel", tcp #1: "lo"" (the last three, masked). */
function describeReceived(servers: ServerLink, server: ServerName, since: number, ctx: RunContext): string {
  const events = servers.received(server, since)
  if (events.length === 0) return `the ${server} server received nothing`
  const shown = events.slice(-3).map(event => ctx.masker.mask(summarizeServerEvent(event)))
  return `the ${server} server received ${events.length > 3 ? `${events.length} things, last ` : ''}${shown.join(', ')}`
}

/** What the named servers received in the window, on the run's clock, masked, oldest first. */
function collectServerLines(ctx: RunContext, servers: ServerName[], since: number): ReceivedLine[] {
  if (!ctx.servers) return []
  const link = ctx.servers
  const offsetMs = ctx.recorder.elapsedMs() - Date.now()
  // A name no server of the link answers to has received nothing.
  const events: ServerEvent[] = servers.flatMap(name => [...link.received(name, since)])
  return events
    .sort((a, b) => a.atMs - b.atMs)
    .map(event => ({ atMs: Math.max(0, event.atMs + offsetMs), kind: 'server', text: ctx.masker.mask(summarizeServerEvent(event)) }))
}
