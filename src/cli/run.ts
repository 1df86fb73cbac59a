/** `atseq run`: parses arguments, wires Ctrl-C, and maps the run's outcome to the exit code. */
import { Command, InvalidArgumentError, Option } from 'commander'
import { ConsoleProgress } from '../report/console/console-progress.js'
import type { ReportFormat } from '../report/write-reports.js'
import { runFiles } from '../run/run-files.js'
import { EXIT } from '../run/run-sequence.js'
import { readPackageVersion } from './version.js'

const FORMATS: readonly ReportFormat[] = ['html', 'junit', 'json']

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run sequences (files or folders) on a modem or the simulator and write reports')
    .argument('<paths...>', 'sequence files (.yaml) or folders holding them')
    .option('-d, --device <url>', 'serial path, serial:///dev/ttyUSB2?baud=115200, tcp://host:port or sim://simcom-a76xx', 'sim://simcom-a76xx')
    .option('--var <name=value>', 'set a variable (repeatable); overrides the file\'s vars', collectVar, {})
    .option('--tag <tag>', 'run only sequences with this tag (repeatable)', collectList, [])
    .option('--grep <pattern>', 'run only sequences whose name or file matches this regular expression', parseRegex)
    .option('--report-dir <dir>', 'where reports and transcripts are written', 'reports')
    .option('--format <list>', 'report formats, comma-separated: html,junit,json', parseFormats, [...FORMATS])
    .option('--bail', 'stop after the first sequence that does not pass', false)
    .option('--timeout-scale <factor>', 'multiply every timeout (slow links, busy labs)', parseScale, 1)
    .option('--resolve <host:port=addr:port>', 'map a host the sequence names to a local one, like curl (repeatable); for the simulator', collectList, [])
    .option('--broker <url>', 'your own broker for server-side checks (mqtt://, mqtts://); the simulator starts an embedded one otherwise')
    .option('--show-identifiers', 'do not mask IMEI/IMSI/ICCID in reports', false)
    .option('--no-identify', 'do not read ATI/AT+CGMR/AT+CGSN before the steps')
    .addOption(new Option('--no-color', 'plain output without colours'))
    .addHelpText('after', `
Exit codes: 0 all passed, 1 a step failed, 2 invalid input (schema, templating, usage),
3 infrastructure (port not found, link dropped, broker down), 130 interrupted (Ctrl-C).
Examples:
  atseq run sequences/simcom/mqtts-not-verify-server.yaml
  atseq run --device /dev/ttyUSB2 --var apn=internet sequences/simcom/
  atseq run --device tcp://192.0.2.10:4001 --broker mqtts://broker.example:8883 sequences/`)
    .action(async (paths: string[], options: RunCliOptions) => {
      process.exitCode = await runCommand(paths, options)
    })
}

interface RunCliOptions {
  device: string
  var: Record<string, string>
  tag: string[]
  grep?: RegExp
  reportDir: string
  format: ReportFormat[]
  bail: boolean
  timeoutScale: number
  resolve: string[]
  broker?: string
  showIdentifiers: boolean
  identify: boolean
  color: boolean
}

async function runCommand(paths: string[], options: RunCliOptions): Promise<number> {
  const interrupt = new AbortController()
  const teardownInterrupt = new AbortController()
  const onSigint = (): void => {
    if (!interrupt.signal.aborted) {
      process.stderr.write('\natseq: interrupted; running teardown and writing the report (Ctrl-C again to skip teardown)\n')
      interrupt.abort()
    } else if (!teardownInterrupt.signal.aborted) teardownInterrupt.abort()
    else process.exit(EXIT.interrupted)
  }
  process.on('SIGINT', onSigint)
  process.on('SIGTERM', onSigint)
  try {
    const result = await runFiles(paths, {
      device: options.device, vars: options.var, resolve: options.resolve,
      ...(options.broker === undefined ? {} : { brokerUrl: options.broker }),
      ...(options.grep === undefined ? {} : { grep: options.grep }),
      reportDir: options.reportDir, formats: options.format, timeoutScale: options.timeoutScale,
      maskIdentifiers: !options.showIdentifiers, identify: options.identify,
      tags: options.tag, bail: options.bail,
      atseqVersion: readPackageVersion(), commandLine: ['atseq', ...process.argv.slice(2)],
      signal: interrupt.signal, teardownSignal: teardownInterrupt.signal,
      progress: new ConsoleProgress({ color: options.color && process.stdout.isTTY === true, write: (text) => process.stdout.write(text) }),
      writeError: (text) => process.stderr.write(text),
    })
    return result.exitCode
  } finally {
    process.off('SIGINT', onSigint)
    process.off('SIGTERM', onSigint)
  }
}

function collectVar(value: string, previous: Record<string, string>): Record<string, string> {
  const eq = value.indexOf('=')
  if (eq <= 0) throw new InvalidArgumentError(`expected name=value, got '${value}'`)
  return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) }
}

function collectList(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function parseRegex(value: string): RegExp {
  try {
    return new RegExp(value)
  } catch (error) {
    throw new InvalidArgumentError(`not a regular expression: ${(error as Error).message}`)
  }
}

function parseFormats(value: string): ReportFormat[] {
  const formats = value.split(',').map((format) => format.trim()).filter(Boolean)
  const unknown = formats.filter((format) => !FORMATS.includes(format as ReportFormat))
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown format ${unknown.join(', ')}; use ${FORMATS.join(',')}`)
  return formats as ReportFormat[]
}

function parseScale(value: string): number {
  const scale = Number(value)
  if (!Number.isFinite(scale) || scale <= 0) throw new InvalidArgumentError('expected a positive number, e.g. 2 or 0.5')
  return scale
}
