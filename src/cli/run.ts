/** `atseq run`: parses arguments, wires Ctrl-C, and maps the run's outcome to the exit code. */
import { Command, InvalidArgumentError, Option } from 'commander'
import { chooseColor } from '../app/color-policy.js'
import type { Shard } from '../model/suite.js'
import type { RunRecord } from '../model/run-record.js'
import { ConsoleProgress, describeSuiteCounts, runFiles, type RunFilesOptions, type RunFilesResult } from '../app/run-files.js'
import { EXIT } from '../model/exit-code.js'
import { readPackageVersion } from './version.js'
import {
  readBaselineOption,
  readBrokerUrlOption,
  readFormatsOption,
  readShardOption,
  readTimeoutScaleOption,
  REPORT_FORMATS,
  type ReportFormat,
} from '../app/option-values.js'
import { parsedBy } from './option-value.js'
import { addHelpFooter } from './help-footer.js'
import { collectVar, collectVarFile } from './var-option.js'

const RUN_EXAMPLES = [
  'atseq run sequences/simcom/mqtts-not-verify-server.yaml',
  'atseq run sequences/simcom/mqtt/                      # the suite in that folder',
  'atseq run -d a=sim://simcom-a76xx -d b=sim://simcom-a76xx --shard 1/3 sequences/simcom/mqtt/',
  'atseq run --device /dev/ttyUSB2 --var apn=internet sequences/simcom/',
  'atseq run --device tcp://192.0.2.10:4001 --broker mqtts://broker.example:8883 sequences/',
  "atseq run --broker mqtt://127.0.0.1:1883 --resolve '*:1883=127.0.0.1:1883' --exclude-tag broker-config sequences/simcom/mqtt/",
]

const RUN_EXIT_CODES = `0 all passed, 1 a step failed or errored or a todo stands, 2 invalid input (schema,
templating, values, bounds, usage), 3 infrastructure (port not found, link dropped, broker down),
70 atseq crashed (reports still written), 130 interrupted (Ctrl-C).`

export function registerRun(program: Command): void {
  const command = program.command('run')
  addHelpFooter(command, { examples: RUN_EXAMPLES, exitCodes: RUN_EXIT_CODES })
  command
    .description('run sequences (files or folders) or a suite on one or many modems or simulators and write reports')
    .argument('<paths...>', 'sequence files (.yaml), folders holding them, or a suite (suite.yaml, or a folder holding one)')
    .option(
      '-d, --device <url>',
      "serial path, serial:///dev/ttyUSB2?baud=115200, tcp://host:port or sim://simcom-a76xx; repeat for several devices in parallel, name=url names one (default: the suite's device, else sim://simcom-a76xx)",
      collectList,
      [],
    )
    .option('--fast', 'with a replay:// device, answer at once instead of at the recorded offsets', false)
    .option('--devices <file>', 'a YAML/JSON file listing devices: devices: [{ name, url, vars }]')
    .option(
      '--shard <i/n>',
      'run only the i-th of n deterministic parts of the sequences (CI matrices); combine with atseq merge',
      parsedBy(readShardOption),
    )
    .option('--var-file <name=path>', "set a variable to a file's content, e.g. a CA certificate (repeatable)", collectVarFile, {})
    .option('--var <name=value>', "set a variable (repeatable); overrides the file's vars", collectVar, {})
    .option('--tag <tag>', 'run only sequences with this tag (repeatable)', collectList, [])
    .option(
      '--exclude-tag <tag>',
      'never run sequences with this tag (repeatable), e.g. broker-config against your own broker',
      collectList,
      [],
    )
    .option('--grep <pattern>', 'run only sequences whose name or file matches this regular expression', parseRegex)
    .option('--bail', 'stop after the first sequence that does not pass', false)
    .addOption(
      new Option('--timeout-scale <factor>', 'multiply every timeout (slow links, busy labs), e.g. 2 or 0.5')
        .argParser(parsedBy(readTimeoutScaleOption))
        .default(1, '1, timeouts as written'),
    )
    .option(
      '--resolve <host:port=addr:port>',
      "map a host:port the sequence names to addr:port, like curl's --connect-to (repeatable; * for any host); for the simulator",
      collectList,
      [],
    )
    .option(
      '--broker <url>',
      'your own broker for server-side checks (mqtt://, mqtts://); the simulator starts an embedded one otherwise',
      parsedBy(readBrokerUrlOption),
    )
    .option('--no-identify', 'do not read ATI/AT+CGMR/AT+CGSN before the steps')
  addReportOptions(command)
  addSecretOptions(command)
  addOutputOptions(command)
  command.action(async (paths: string[], options: RunCliOptions) => {
    process.exitCode = await runCommand(paths, options)
  })
}

/** Where reports go, in which formats, against which baseline, and whether identifiers show. */
function addReportOptions(command: Command): Command {
  return command
    .option('--report-dir <dir>', 'where reports and transcripts are written', 'reports')
    .addOption(
      new Option('--format <list>', `report formats, comma-separated: ${REPORT_FORMATS.join(',')}`)
        .argParser(parsedBy(readFormatsOption))
        .default([...REPORT_FORMATS], REPORT_FORMATS.join(',')),
    )
    .option(
      '--baseline <run.json>',
      "an earlier run's JSON report: the summary and the HTML report say which steps changed status or got slower",
      parsedBy(readBaselineOption),
    )
    .option('--show-identifiers', 'show IMEI/IMSI/ICCID/MSISDN in reports (secrets stay masked)', false)
}

interface RunCliOptions {
  device: string[]
  devices?: string
  fast: boolean
  shard?: Shard
  var: Record<string, string>
  secretVar: Record<string, string>
  secret: string[]
  varFile: Record<string, string>
  tag: string[]
  excludeTag: string[]
  grep?: RegExp
  reportDir: string
  format: ReportFormat[]
  bail: boolean
  baseline?: RunRecord
  timeoutScale: number
  resolve: string[]
  broker?: string
  showIdentifiers: boolean
  identify: boolean
  color: boolean
  quiet: boolean
  verbose: boolean
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
  const color = chooseColor({ flag: options.color, stream: process.stdout })
  try {
    const result = await runFiles(paths, {
      devices: options.fast ? options.device.map(withFastReplay) : options.device,
      vars: { ...options.varFile, ...options.var, ...options.secretVar },
      secretNames: [...options.secret, ...Object.keys(options.secretVar)],
      resolve: options.resolve,
      ...(options.devices === undefined ? {} : { devicesFile: options.devices }),
      ...(options.shard === undefined ? {} : { shard: options.shard }),
      ...(options.broker === undefined ? {} : { brokerUrl: options.broker }),
      ...(options.grep === undefined ? {} : { grep: options.grep }),
      ...(options.baseline === undefined ? {} : { baseline: options.baseline }),
      reportDir: options.reportDir,
      formats: options.format,
      timeoutScale: options.timeoutScale,
      maskIdentifiers: !options.showIdentifiers,
      identify: options.identify,
      tags: options.tag,
      excludeTags: options.excludeTag,
      bail: options.bail,
      atseqVersion: readPackageVersion(),
      commandLine: ['atseq', ...process.argv.slice(2)],
      signal: interrupt.signal,
      teardownSignal: teardownInterrupt.signal,
      ...createProgress(options, color),
      writeError: text => process.stderr.write(text),
      debug: process.argv.includes('--debug'),
    })
    printSuiteSummaries(result, options.reportDir)
    return result.exitCode
  } finally {
    process.off('SIGINT', onSigint)
    process.off('SIGTERM', onSigint)
  }
}

/** `suite … passed: 3 passed on 1 device; index reports/index.html`, one line per suite that ran. */
function printSuiteSummaries(result: RunFilesResult, reportDir: string): void {
  const suites = result.suite ? [{ record: result.suite, reportPaths: result.suiteReportPaths ?? [] }] : (result.suites ?? [])
  for (const suite of suites) {
    const name = result.suites === undefined ? '' : ` ${suite.record.suite.name}`
    process.stdout.write(
      `suite${name} ${suite.record.status}: ${describeSuiteCounts(suite.record)}; index ${suite.reportPaths[0] ?? reportDir}\n`,
    )
  }
}

/** The progress printers: one for a single device, one per device (each line prefixed with its name) for several. */
function createProgress(options: RunCliOptions, color: boolean): Pick<RunFilesOptions, 'progress' | 'progressFor'> {
  const shared = { color, quiet: options.quiet, verbose: options.verbose }
  return {
    // The running step is redrawn in place only on a terminal (and not between --verbose lines): a log or a pipe gets one line per step.
    progress: new ConsoleProgress({
      ...shared,
      live: process.stdout.isTTY === true && !options.verbose,
      write: text => process.stdout.write(text),
    }),
    progressFor: device => new ConsoleProgress({ ...shared, write: text => process.stdout.write(prefixLines(text, `[${device.name}] `)) }),
  }
}

/** `--quiet` and `--verbose`: how much the terminal shows while the run goes. */
function addOutputOptions(command: Command): Command {
  return command
    .option('-q, --quiet', 'print only failing steps and the summaries', false)
    .addOption(
      new Option('-v, --verbose', 'also print every line sent and received as it happens (control characters shown, secrets masked)')
        .default(false)
        .conflicts('quiet'),
    )
}

/** `--secret-var` and `--secret`: the command line's ways to declare a secret. */
function addSecretOptions(command: Command): Command {
  return command
    .option('--secret-var <name=value>', 'set a variable whose value is masked everywhere (repeatable)', collectVar, {})
    .option('--secret <name>', 'mask the value of this variable everywhere, however it is set or captured (repeatable)', collectList, [])
}

/** `replay://run.json` → `replay://run.json?fast=1` (also after `name=`); other devices are left as given. */
export function withFastReplay(device: string): string {
  const url = device.replace(/^[\w.-]+=(?=replay:)/, '')
  if (!url.startsWith('replay:')) return device
  return `${device}${url.includes('?') ? '&' : '?'}fast=1`
}

/** Several devices print at once: each line says which device it is about. */
function prefixLines(text: string, prefix: string): string {
  return text.replace(/^(?=.)/gm, prefix)
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
