/**
 * Composes the far-side servers of a run into the one ServerLink the executor uses: a name goes to the server
 * that answers to it, a wait scans what that server already received and then listens, and every wait ends in
 * an outcome (received, timeout, aborted), with its timer and listener gone.
 */
import type { WaitForOptions } from '../model/broker-link.js'
import type { FarSideServer, ServerAction, ServerEvent, ServerLink, ServerName, ServerWait } from '../model/server-link.js'

/** One link over `servers`; a name two servers claim goes to the first. */
export function composeServerLink(servers: readonly FarSideServer[]): ServerLink {
  const serverFor = (name: ServerName): FarSideServer | undefined => servers.find(server => server.names.includes(name))
  return {
    names: [...new Set(servers.flatMap(server => server.names))],
    waitFor: (name, match, options) => {
      const server = serverFor(name)
      if (!server) return Promise.resolve({ outcome: 'failed', reason: `the run has no ${name} server` })
      return waitForEvent(server, name, match, options)
    },
    received: (name, since) =>
      serverFor(name)
        ?.events()
        .filter(event => event.server === name && event.atMs >= since) ?? [],
    act: async (action: ServerAction) => {
      const server = serverFor(action.server)
      if (!server) throw new Error(`the run has no ${action.server} server`)
      await server.act(action)
    },
  }
}

/** Scans what `server` has (synchronously, so nothing slips between the scan and the listener), then listens. */
function waitForEvent(
  server: FarSideServer,
  name: ServerName,
  match: (event: ServerEvent) => boolean,
  options: WaitForOptions,
): Promise<ServerWait> {
  const since = options.since ?? 0
  const isWanted = (event: ServerEvent): boolean => event.server === name && event.atMs >= since && match(event)
  const found = server.events().find(isWanted)
  if (found) return Promise.resolve({ outcome: 'received', event: found })
  if (options.signal?.aborted) return Promise.resolve({ outcome: 'aborted', reason: 'the run was interrupted' })
  return new Promise(resolve => {
    const finish = (wait: ServerWait): void => {
      clearTimeout(timer)
      stop()
      options.signal?.removeEventListener('abort', onAbort)
      resolve(wait)
    }
    const onAbort = (): void => finish({ outcome: 'aborted', reason: 'the run was interrupted' })
    const stop = server.onEvent(event => {
      if (isWanted(event)) finish({ outcome: 'received', event })
    })
    const timer = setTimeout(
      () => finish({ outcome: 'timeout', reason: `nothing matched within ${options.timeoutMs} ms` }),
      options.timeoutMs,
    )
    options.signal?.addEventListener('abort', onAbort, { once: true })
  })
}
