import { Command, InvalidArgumentError } from 'commander'
import { serveSim, SIM_PROFILE_NAMES, type ServeSimOptions } from '../app/serve-sim.js'
import { parseResolveRule, type ResolveRule } from '../app/serve-sim.js'

/** Registers `atseq sim`: a simulated modem served over TCP (and a pty) until SIGINT/SIGTERM. */
export function registerSim(program: Command): void {
  program
    .command('sim')
    .description('Serve a simulated modem over TCP, and as a pty with --pty (needs socat)')
    .option('--profile <name>', `device profile (${SIM_PROFILE_NAMES.join(', ')})`, 'simcom-a76xx')
    .option('--listen <url>', 'where to listen', 'tcp://127.0.0.1:7000')
    .option('--resolve <host:port=addr:port>', 'send connections for host:port to addr:port (repeatable; * for any host)', collectRule, [])
    .option('--params <query>', 'modem options as in a sim:// URL, e.g. "echo=0&latencyMs=5&baud=115200"', '')
    .option('--pty', 'also create a pty with socat and print its path', false)
    .option('--pty-link <path>', 'make the pty reachable at this path (implies --pty)')
    .action(async (opts: ServeSimOptions) => {
      process.exitCode = await serveSim(
        opts,
        text => process.stdout.write(text),
        text => process.stderr.write(text),
      )
    })
}

function collectRule(value: string, previous: ResolveRule[]): ResolveRule[] {
  const parsed = parseResolveRule(value)
  if (!parsed.ok) throw new InvalidArgumentError(parsed.hint)
  return [...previous, parsed.rule]
}
