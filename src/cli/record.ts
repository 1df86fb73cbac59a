/** `atseq record`: captures a live session (interactive, or from --script) into a sequence draft. */
import { EXIT } from '../model/exit-code.js'
import { Option, type Command } from 'commander'
import { buildDriver } from '../app/record-driver.js'
import { recordSession } from '../app/record-session.js'
import { DeviceError, DeviceUsageError } from '../app/device-session.js'
import { formatDiagnostic, hasErrors } from '../model/diagnostic.js'
import { describeDurationDefault, readBrokerUrlOption, readDurationOption } from '../app/option-values.js'
import { parsedBy } from './option-value.js'
import { readPackageVersion } from './version.js'
import { addHelpFooter } from './help-footer.js'

interface RecordCliOptions {
  device: string
  output: string
  script?: string
  session?: string
  name?: string
  profile?: string
  resolve: string[]
  broker?: string
  timeout: number
  urcTimeout: number
}

export function registerRecord(program: Command): void {
  const command = program
    .command('record')
    .description('record a live session on a modem (interactive, or from --script) into a sequence draft')
    .requiredOption('-o, --output <file>', 'where to write the sequence draft (.yaml)')
    .option('-d, --device <url>', 'serial path, serial://, tcp://host:port or sim://simcom-a76xx', 'sim://simcom-a76xx')
    .option('--script <file>', 'record from a list of commands instead of the keyboard (">text" lines are prompt data, "wait 2s" listens)')
    .option('--session <file>', "also write the session's masked transcript as a JSON record, for --device replay://<file>")
    .option('--name <name>', "the sequence's name (default: the output file's name)")
    .option('--profile <name>', "the chat profile (default: the simulator's, else generic)")
    .option('--resolve <host:port=addr:port>', 'map a host to a local one for the simulator (repeatable)', collect, [])
    .option('--broker <url>', 'your own broker (the simulator starts an embedded one otherwise)', parsedBy(readBrokerUrlOption))
    .addOption(durationOption('--timeout <duration>', 'how long a command may take to its final result code', 30_000))
    .addOption(durationOption('--urc-timeout <duration>', "with --script: how long to wait for a command's result URC", 30_000))
  addHelpFooter(command, {
    notes: `Interactive keys: Enter sends; at a > prompt Enter sends the data as typed, Ctrl-Z sends it with 0x1A, Esc cancels;
Up/Down recall earlier lines; Ctrl-D or :end ends and writes the draft; Ctrl-C ends without writing.`,
    examples: [
      'atseq record --device /dev/ttyUSB2 -o sequences/new.yaml',
      'atseq record --script commands.txt --session session.json -o sequences/new.yaml',
    ],
    exitCodes:
      '0 draft written and clean, 1 draft written with lint warnings or steps to review (no answer), 2 invalid input, 3 device unreachable, 130 discarded.',
  }).action(async (options: RecordCliOptions) => {
    process.exitCode = await recordCommand(options)
  })
}

async function recordCommand(options: RecordCliOptions): Promise<number> {
  const driver = buildDriver({ ...(options.script === undefined ? {} : { script: options.script }), commandTimeoutMs: options.timeout })
  if (typeof driver === 'string') {
    process.stderr.write(driver)
    return EXIT.invalidInput
  }
  const interrupt = new AbortController()
  const onSigint = (): void => interrupt.abort()
  if (driver.kind === 'script') process.on('SIGINT', onSigint)
  try {
    const outcome = await recordSession(
      {
        device: options.device,
        outputPath: options.output,
        resolve: options.resolve,
        commandTimeoutMs: options.timeout,
        resultUrcTimeoutMs: options.urcTimeout,
        quietMs: 300,
        atseqVersion: readPackageVersion(),
        signal: interrupt.signal,
        ...(options.session === undefined ? {} : { sessionPath: options.session }),
        ...(options.name === undefined ? {} : { name: options.name }),
        ...(options.profile === undefined ? {} : { profile: options.profile }),
        ...(options.broker === undefined ? {} : { brokerUrl: options.broker }),
      },
      driver,
    )
    if (outcome.kind === 'discarded') {
      process.stderr.write('atseq record: ended without writing a draft\n')
      return EXIT.interrupted
    }
    for (const d of outcome.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`)
    for (const review of outcome.reviews) process.stderr.write(`atseq record: ${review}\n`)
    process.stdout.write(
      `wrote ${outcome.outputPath} (${outcome.steps} steps)${outcome.sessionPath ? ` and ${outcome.sessionPath}` : ''}\n`,
    )
    if (hasErrors(outcome.diagnostics)) return EXIT.invalidInput
    return outcome.diagnostics.length > 0 || outcome.reviews.length > 0 ? EXIT.failed : EXIT.passed
  } catch (error) {
    if (!(error instanceof DeviceError || error instanceof DeviceUsageError)) throw error
    process.stderr.write(`atseq record: ${error.message}\n`)
    return error instanceof DeviceUsageError ? EXIT.invalidInput : EXIT.infrastructure
  } finally {
    process.off('SIGINT', onSigint)
  }
}

function durationOption(flags: string, description: string, defaultMs: number): Option {
  return new Option(flags, description).argParser(parsedBy(readDurationOption)).default(defaultMs, describeDurationDefault(defaultMs))
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}
