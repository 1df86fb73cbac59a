import { EXIT } from '../model/exit-code.js'
import type { Command } from 'commander'
import { checkFilesAndSuites, SESSION_VAR_PLACEHOLDERS, summariseChecks } from '../app/check-suites.js'
import { addFormatOption, printChecks, reportMissingDefaultFolder } from './validate.js'
import { collectVar } from './var-option.js'
import { addHelpFooter } from './help-footer.js'

/** `atseq lint [paths...]`: validation plus advice (prompt lengths, curly quotes, mismatched URCs, numbering...). */
export function registerLint(program: Command): void {
  const command = program
    .command('lint')
    .description(
      'validate sequence files and warn about likely mistakes (prompt lengths, non-ASCII commands, mismatched URCs, step numbers...)',
    )
    .argument('[paths...]', 'sequence files or folders searched for *.yaml / *.yml', ['sequences'])
    .option('--strict', 'exit with 1 when there is any warning')
    .option('--var <name=value>', 'a variable value, as the run would get it (repeatable)', collectVar, {})
  addHelpFooter(command, {
    examples: ['atseq lint sequences/simcom/', 'atseq lint --strict --var apn=internet sequences/new.yaml'],
    exitCodes: '0 clean (warnings allowed unless --strict), 1 warnings with --strict, 2 some file invalid or unreadable.',
  })
  addFormatOption(command).action(
    async (paths: string[], options: { format: string; strict?: boolean; var: Record<string, string>; color: boolean }) => {
      if (reportMissingDefaultFolder('lint', paths)) return
      // The simulator's embedded broker gives every run its certificates as vars (broker_ca...): not undefined.
      const checks = await checkFilesAndSuites(paths, { lint: true, vars: { ...SESSION_VAR_PLACEHOLDERS, ...options.var } })
      printChecks(checks, options, 'linted')
      const summary = summariseChecks(checks)
      process.exitCode =
        summary.invalid > 0 ? EXIT.invalidInput : options.strict === true && summary.warnings > 0 ? EXIT.failed : EXIT.passed
    },
  )
}
