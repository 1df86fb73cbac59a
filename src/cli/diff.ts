/** `atseq diff a.json b.json`: compares two runs of a sequence; exit 1 when a step went from passed to failed. */
import { EXIT } from '../model/exit-code.js'
import { Option, type Command } from 'commander'
import { diffRunFiles } from '../app/diff-run-files.js'
import { DEFAULT_LATENCY_THRESHOLD_MS, describeDurationDefault, readDurationOption } from '../app/option-values.js'
import { parsedBy } from './option-value.js'
import { readPackageVersion } from './version.js'
import { addHelpFooter } from './help-footer.js'

export function registerDiff(program: Command): void {
  const command = program
    .command('diff')
    .description('compare two run records of a sequence (firmware A and B, today and the last release)')
    .argument('<a>', "the earlier run's JSON record")
    .argument('<b>', "the later run's JSON record")
    .addOption(
      new Option('--latency-threshold <duration>', "report a step's duration change only beyond this, e.g. 200ms or 1s")
        .argParser(parsedBy(readDurationOption))
        .default(DEFAULT_LATENCY_THRESHOLD_MS, describeDurationDefault(DEFAULT_LATENCY_THRESHOLD_MS)),
    )
    .option('--html <file>', 'where to write the HTML page (default: next to <b>, as <name>.diff.html)')
    .option('--no-html', 'write no HTML page')
  addHelpFooter(command, {
    notes: 'Steps are paired by phase and number. Response lines are compared with captured values and masked values ignored.',
    examples: ['atseq diff reports/a.json reports/b.json', 'atseq diff a.json b.json --latency-threshold 1s --no-html'],
    exitCodes: '0 no step went from passed to failed, 1 some did, 2 a file is not a run record.',
  }).action((a: string, b: string, options: { latencyThreshold: number; html?: string | boolean }) => {
    const outcome = diffRunFiles(a, b, {
      latencyThresholdMs: options.latencyThreshold,
      atseqVersion: readPackageVersion(),
      ...(options.html === false ? { htmlPath: false } : typeof options.html === 'string' ? { htmlPath: options.html } : {}),
    })
    if (outcome.kind === 'invalid-input') {
      process.stderr.write(`atseq diff: ${outcome.message}\n`)
      process.exitCode = EXIT.invalidInput
      return
    }
    process.stdout.write(`${outcome.text.join('\n')}\n`)
    if (outcome.htmlPath !== undefined) process.stdout.write(`  page: ${outcome.htmlPath}\n`)
    process.exitCode = outcome.diff.regressions > 0 ? EXIT.failed : EXIT.passed
  })
}
