import { Command, InvalidArgumentError } from 'commander'
import { createSimModem, SIM_PROFILES, serveSimOverTcp, type SimServer } from '../sim/index.js'
import { parseResolveRule, type ResolveRule } from '../sim/network/host-resolve.js'
import { startPtyBridge, type PtyBridge } from '../sim/pty-bridge.js'
import { waitForStopSignal } from './wait-for-stop-signal.js'

/** Exit code when the simulator cannot start (address in use, socat failing): the environment, not a test, failed. */
const EXIT_INFRASTRUCTURE = 3
const EXIT_USAGE = 2

interface SimCommandOptions {
  profile: string
  listen: string
  resolve: ResolveRule[]
  params: string
  pty: boolean
  ptyLink?: string
}

/** Registers `atseq sim`: a simulated modem served over TCP (and a pty) until SIGINT/SIGTERM. */
export function registerSim(program: Command): void {
  program.command('sim')
    .description('Serve a simulated modem over TCP, and as a pty with --pty (needs socat)')
    .option('--profile <name>', `device profile (${[...SIM_PROFILES.keys()].join(', ')})`, 'simcom-a76xx')
    .option('--listen <url>', 'where to listen', 'tcp://127.0.0.1:7000')
    .option('--resolve <host:port=addr:port>', 'send connections for host:port to addr:port (repeatable; * for any host)', collectRule, [])
    .option('--params <query>', 'modem options as in a sim:// URL, e.g. "echo=0&latencyMs=5&baud=115200"', '')
    .option('--pty', 'also create a pty with socat and print its path', false)
    .option('--pty-link <path>', 'make the pty reachable at this path (implies --pty)')
    .action(async (opts: SimCommandOptions) => { process.exitCode = await runSimCommand(opts) })
}

async function runSimCommand(opts: SimCommandOptions): Promise<number> {
  const params = new URLSearchParams(opts.params)
  if (!SIM_PROFILES.has(opts.profile)) return usageError(`unknown profile "${opts.profile}" (known: ${[...SIM_PROFILES.keys()].join(', ')})`)
  try {
    createSimModem(opts.profile, params) // checks the parameters once, before anyone connects
  } catch (error) {
    return usageError((error as Error).message)
  }
  let server: SimServer
  try {
    server = await serveSimOverTcp({
      listen: opts.listen,
      createModem: () => createSimModem(opts.profile, params, { resolve: opts.resolve, onNote: note => process.stderr.write(`note: ${note}\n`) }),
      onEvent: event => process.stdout.write(`${event.kind} ${event.remote}\n`),
    })
  } catch (error) {
    process.stderr.write(`atseq sim: cannot listen on ${opts.listen}: ${(error as Error).message}\n`)
    return EXIT_INFRASTRUCTURE
  }
  process.stdout.write(`${opts.profile} listening on ${server.url}\n`)
  const pty = opts.pty || opts.ptyLink !== undefined ? await openPty(server, opts.ptyLink) : undefined
  if (pty === 'failed') {
    await server.close()
    return EXIT_INFRASTRUCTURE
  }
  const signal = await waitForStopSignal()
  await pty?.stop()
  await server.close()
  process.stdout.write(`stopped (${signal})\n`)
  return 0
}

async function openPty(server: SimServer, link: string | undefined): Promise<PtyBridge | 'failed'> {
  const result = await startPtyBridge(server.host, server.port, link === undefined ? {} : { link })
  if (!result.ok) {
    process.stderr.write(`atseq sim: no pty (${result.code}): ${result.hint}\n`)
    return 'failed'
  }
  process.stdout.write(`pty ${result.bridge.path}\n`)
  return result.bridge
}

function usageError(message: string): number {
  process.stderr.write(`atseq sim: ${message}\n`)
  return EXIT_USAGE
}

function collectRule(value: string, previous: ResolveRule[]): ResolveRule[] {
  const parsed = parseResolveRule(value)
  if (!parsed.ok) throw new InvalidArgumentError(parsed.hint)
  return [...previous, parsed.rule]
}
