/**
 * `atseq sim`: a simulated modem served over TCP, and as a pty with `--pty`, in the foreground, with the embedded
 * broker and the far-side servers of a `sim://` run beside it.
 */
import { EXIT } from '../model/exit-code.js'
import { createSimModem, SIM_PROFILES, serveSimOverTcp, type SimServer } from '../sim/index.js'
import type { ResolveRule } from '../sim/sockets/host-resolve.js'
import { startPtyBridge, type PtyBridge } from '../sim/pty-bridge.js'
import { waitForStopSignal } from './wait-for-stop-signal.js'
import { startServedSimServers } from './serve-sim-servers.js'
import { writeSimCertificates } from './sim-certificates.js'
import { startSimBroker } from './start-sim-broker.js'

export interface ServeSimOptions {
  profile: string
  listen: string
  resolve: ResolveRule[]
  params: string
  pty: boolean
  ptyLink?: string
  /** Serve the embedded broker beside the simulator (`--no-broker`: false). */
  broker: boolean
  /** Serve the far-side servers (echo, TLS, FTP(S), HTTP(S)) beside it (`--no-servers`: false). */
  servers: boolean
}

/** The simulator's profile names, for help texts. */
export const SIM_PROFILE_NAMES: readonly string[] = [...SIM_PROFILES.keys()]

/** Serves the simulated modem until SIGINT/SIGTERM; returns the exit code. */
export async function serveSim(opts: ServeSimOptions, write: (text: string) => void, writeError: (text: string) => void): Promise<number> {
  const params = new URLSearchParams(opts.params)
  if (!SIM_PROFILES.has(opts.profile))
    return usageError(writeError, `unknown profile "${opts.profile}" (known: ${[...SIM_PROFILES.keys()].join(', ')})`)
  try {
    createSimModem(opts.profile, params) // checks the parameters once, before anyone connects
  } catch (error) {
    return usageError(writeError, (error as Error).message)
  }
  const sides = await startSides(opts, writeError)
  if (sides === undefined) return EXIT.infrastructure
  // The user's rules come first, as in a sim:// run: they may send MQTT somewhere else.
  const resolve = [...opts.resolve, ...sides.rules]
  let server: SimServer
  try {
    server = await serveSimOverTcp({
      listen: opts.listen,
      createModem: () => createSimModem(opts.profile, params, { resolve, onNote: note => writeError(`note: ${note}\n`) }),
      onEvent: event => write(`${event.kind} ${event.remote}\n`),
    })
  } catch (error) {
    await sides.close()
    writeError(`atseq sim: cannot listen on ${opts.listen}: ${(error as Error).message}\n`)
    return EXIT.infrastructure
  }
  write(`${opts.profile} listening on ${server.url}\n`)
  for (const line of sides.lines) write(`${line}\n`)
  const pty = opts.pty || opts.ptyLink !== undefined ? await openPty(server, opts.ptyLink, write, writeError) : undefined
  if (pty === 'failed') {
    await server.close()
    await sides.close()
    return EXIT.infrastructure
  }
  const signal = await waitForStopSignal()
  await pty?.stop()
  await server.close()
  await sides.close()
  write(`stopped (${signal})\n`)
  return EXIT.passed
}

interface Sides {
  rules: ResolveRule[]
  lines: string[]
  close(): Promise<void>
}

/** The broker, then the far-side servers, each unless opted out; undefined (said why) when one cannot start. */
async function startSides(opts: ServeSimOptions, writeError: (text: string) => void): Promise<Sides | undefined> {
  if (!opts.broker && !opts.servers) return { rules: [], lines: [], close: async () => {} }
  const certificates = await writeSimCertificates().catch((error: unknown) => error as Error)
  if (certificates instanceof Error) {
    writeError(`atseq sim: could not write the test certificates: ${certificates.message}\n`)
    return undefined
  }
  const broker = opts.broker ? await startSimBroker(certificates.certificates).catch((error: unknown) => error as Error) : undefined
  if (broker instanceof Error) {
    await certificates.close()
    writeError(`atseq sim: could not start the embedded broker: ${broker.message}\n`)
    return undefined
  }
  const servers = opts.servers ? await startServedSimServers().catch((error: unknown) => error as Error) : undefined
  if (servers instanceof Error) {
    await broker?.close()
    await certificates.close()
    writeError(`atseq sim: ${servers.message}\n`)
    return undefined
  }
  return {
    rules: [...(broker?.rules ?? []), ...(servers?.rules ?? [])],
    lines: [...(broker?.lines ?? []), ...(servers?.lines ?? []), certificates.line],
    close: async () => {
      await servers?.close()
      await broker?.close()
      await certificates.close()
    },
  }
}

async function openPty(
  server: SimServer,
  link: string | undefined,
  write: (text: string) => void,
  writeError: (text: string) => void,
): Promise<PtyBridge | 'failed'> {
  const result = await startPtyBridge(server.host, server.port, link === undefined ? {} : { link })
  if (!result.ok) {
    writeError(`atseq sim: no pty (${result.code}): ${result.hint}\n`)
    return 'failed'
  }
  write(`pty ${result.bridge.path}\n`)
  return result.bridge
}

function usageError(writeError: (text: string) => void, message: string): number {
  writeError(`atseq sim: ${message}\n`)
  return EXIT.invalidInput
}

export { parseResolveRule, type ResolveRule } from '../sim/sockets/host-resolve.js'
