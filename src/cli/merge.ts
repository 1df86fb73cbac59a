/** `atseq merge`: combines the suite.json results of shards into one suite report; exit code is the merged verdict. */
import type { Command } from 'commander'
import { mergeSuiteFiles } from '../app/merge-suite-files.js'
import { addHelpFooter } from './help-footer.js'

export function registerMerge(program: Command): void {
  const command = program
    .command('merge')
    .description('combine the suite.json results of shards (atseq run --shard i/n) into one suite report')
    .argument('<files...>', 'suite.json files written by sharded runs')
    .option('--report-dir <dir>', 'where the merged index.html, suite.junit.xml, suite.json and run reports go', 'reports/merged')
  addHelpFooter(command, {
    examples: ['atseq merge shard-*/suite.json --report-dir reports   # the merge job of a CI matrix'],
    exitCodes: `the merged verdict (0 all passed, 1 a step failed, 3 infrastructure, 130 interrupted),
2 when a file cannot be read or the files are not shards of the same suite.`,
  }).action(async (files: string[], options: { reportDir: string }) => {
    process.exitCode = await mergeSuiteFiles(
      files,
      options.reportDir,
      text => process.stdout.write(text),
      text => process.stderr.write(text),
    )
  })
}
