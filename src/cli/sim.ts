import { Command, InvalidArgumentError, Option } from 'commander'
import { serveSim, SIM_PROFILE_NAMES, type ServeSimOptions } from '../app/serve-sim.js'
import { parseResolveRule, type ResolveRule } from '../app/serve-sim.js'
import { readListenOption } from '../app/option-values.js'
import { addHelpFooter } from './help-footer.js'
import { formatSimProfiles } from '../app/format-sim-profiles.js'
import { parsedBy } from './option-value.js'

/** Registers `atseq sim`: a simulated modem served over TCP (and a pty) until SIGINT/SIGTERM. */
export function registerSim(program: Command): void {
  const command = program
    .command('sim')
    .description(
      'Serve a simulated modem over TCP (and as a pty with --pty, needs socat) with the embedded MQTT broker and far-side servers beside it',
    )
    .addOption(new Option('--profile <name>', 'device profile').choices(SIM_PROFILE_NAMES).default('simcom-a76xx'))
    .option(
      '--listen <url>',
      'where to listen, tcp://host:port (port 0: any free port)',
      parsedBy(readListenOption),
      'tcp://127.0.0.1:7000',
    )
    .option('--resolve <host:port=addr:port>', 'send connections for host:port to addr:port (repeatable; * for any host)', collectRule, [])
    .option('--params <query>', 'modem options as in a sim:// URL, e.g. "echo=0&latencyMs=5&baud=115200"', '')
    .option('--pty', 'also create a pty with socat and print its path', false)
    .option('--pty-link <path>', 'make the pty reachable at this path (implies --pty)')
    .option('--no-broker', "serve no MQTT broker (default: one on loopback, any host's 1883/8883/8884 mapped to it)")
    .option(
      '--no-servers',
      "serve no far-side servers (default: echo, TLS, FTP(S), HTTP(S) on loopback, any host's 7/7443/7444/21/990/80/443 mapped to them)",
    )
    .option('--list', 'list the profiles, their services and the AT commands each answers, then exit', false)
  addHelpFooter(command, {
    examples: [
      'atseq sim                                          # tcp://127.0.0.1:7000',
      'atseq sim --listen tcp://127.0.0.1:0 --params echo=0',
      'atseq sim --pty-link /tmp/modem                    # then: minicom -D /tmp/modem',
      'atseq sim --list                                   # which profiles there are and what each answers',
    ],
    exitCodes: '0 stopped by Ctrl-C or SIGTERM, 2 usage (unknown profile, bad --listen or --params), 3 cannot listen or no pty.',
  }).action(async ({ list, ...opts }: ServeSimOptions & { list: boolean }) => {
    if (list) {
      process.stdout.write(formatSimProfiles())
      return
    }
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
