/**
 * The servers a `sim://` run starts on loopback for the simulated modem's far side, besides the broker: each maps
 * the well-known ports a sequence writes onto itself, gives sequences its address as vars, and joins the far side
 * that `serve:` and `server:` steps use. A new simulator service with a server of its own adds one starter here;
 * `atseq sim` starts the same list.
 */
import type { FarSideServer } from '../model/server-link.js'
import type { ResolveRule } from '../sim/sockets/host-resolve.js'
import { openEchoServerSide } from './echo-far-side.js'
import { openHttpServerSide } from './http-server-side.js'
import { openTlsServerSide } from './tls-server-side.js'
import { openFtpServerSide } from './ftp-server-side.js'
import type { ServerNotes, SimServerSide } from './sim-server-side.js'

/** Every server a `sim://` run starts, in order, by the name the user knows it by. */
const STARTERS: ReadonlyArray<{ name: string; start: (recorder: ServerNotes) => Promise<SimServerSide> }> = [
  { name: 'echo', start: openEchoServerSide },
  { name: 'TLS', start: openTlsServerSide },
  { name: 'FTP', start: openFtpServerSide },
  { name: 'HTTP', start: openHttpServerSide },
]

/** Thrown when one of the servers cannot start: atseq cannot run the sequence as written (exit 3). */
export class SimServerStartError extends Error {
  override readonly name = 'SimServerStartError'
}

/** The started servers together; `close` stops every one that started. */
export interface SimServers {
  rules: ResolveRule[]
  vars: Record<string, string>
  farSide: FarSideServer[]
  close(): Promise<void>
}

/** Starts every server; when one cannot start, stops those already started and throws SimServerStartError. */
export async function startSimServers(recorder: ServerNotes): Promise<SimServers> {
  const started: SimServerSide[] = []
  const close = async (): Promise<void> => {
    for (const side of started.reverse()) await side.close().catch(() => undefined)
  }
  for (const { name, start } of STARTERS) {
    try {
      started.push(await start(recorder))
    } catch (error) {
      await close()
      throw new SimServerStartError(`could not start the ${name} server: ${(error as Error).message}`, { cause: error })
    }
  }
  return {
    rules: started.flatMap(side => side.rules),
    vars: Object.assign({}, ...started.map(side => side.vars)) as Record<string, string>,
    farSide: started.flatMap(side => side.farSide),
    close,
  }
}
