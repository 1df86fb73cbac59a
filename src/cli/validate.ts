import { EXIT } from '../model/exit-code.js'
import type { Command } from 'commander'
import { checkFilesAndSuites, isMissingDefaultFolder, summariseChecks, type FileCheck } from '../app/check-suites.js'
import { formatDiagnostic } from '../model/diagnostic.js'
import { chooseColor, createPainter } from '../app/color-policy.js'
import { addHelpFooter } from './help-footer.js'
import { collectVar, collectVarFile } from './var-option.js'

/** Prints file checks as `file:line:col: ...` lines and a summary, or as one JSON document. */
export function printChecks(checks: readonly FileCheck[], options: { format: string; color: boolean }, verb: string): void {
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ ...summariseChecks(checks), results: checks }, null, 2)}\n`)
    return
  }
  const paint = createPainter(chooseColor({ flag: options.color, stream: process.stderr }))
  for (const check of checks) {
    for (const d of check.diagnostics) {
      const severity = paint(d.severity === 'error' ? 'red' : 'yellow', `${d.severity}:`)
      process.stderr.write(`${formatDiagnostic(d).replace(` ${d.severity}: `, ` ${severity} `)}\n`)
    }
  }
  const s = summariseChecks(checks)
  const problems = [
    s.errors > 0 ? `${s.errors} error${s.errors === 1 ? '' : 's'}` : '',
    s.warnings > 0 ? `${s.warnings} warning${s.warnings === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ')
  process.stdout.write(`${verb} ${s.files} file${s.files === 1 ? '' : 's'}: ${problems === '' ? 'no problems' : problems}\n`)
}

/** Adds the shared `--format text|json` option. */
export function addFormatOption(command: Command): Command {
  return command.option('--format <format>', 'output format: text or json', 'text')
}

interface ValidateCliOptions {
  format: string
  color: boolean
  var: Record<string, string>
  varFile: Record<string, string>
}

/** `atseq validate [paths...]`: YAML, schema, templates and regexes of sequence files; exit 0 when all are valid, 2 otherwise. */
export function registerValidate(program: Command): void {
  const command = program
    .command('validate')
    .description('check sequence and suite files (YAML, schema, templates, regexes, suite globs) and print every problem as file:line:col')
    .argument('[paths...]', 'sequence files or folders searched for *.yaml / *.yml', ['sequences'])
    .option('--var <name=value>', 'a variable the run will be given, as run takes it (repeatable)', collectVar, {})
    .option(
      '--var-file <name=path>',
      "a variable the run will be given a file's content for, as run takes it (repeatable)",
      collectVarFile,
      {},
    )
  addHelpFooter(command, {
    examples: [
      'atseq validate                                     # every sequence under sequences/',
      'atseq validate sequences/simcom/mqtt/ --format json',
      'atseq validate --var apn=internet sequences/new.yaml',
    ],
    exitCodes: '0 all files valid, 2 some file invalid or unreadable.',
  })
  addFormatOption(command).action(async (paths: string[], options: ValidateCliOptions) => {
    if (reportMissingDefaultFolder('validate', paths)) return
    const checks = await checkFilesAndSuites(paths, { vars: { ...options.varFile, ...options.var } })
    printChecks(checks, options, 'validated')
    process.exitCode = summariseChecks(checks).invalid > 0 ? EXIT.invalidInput : EXIT.passed
  })
}

/** In a project without `sequences/`, says so and what to give instead (exit 2), rather than `sequences:1:1: no such file`. */
export function reportMissingDefaultFolder(command: string, paths: readonly string[]): boolean {
  if (!isMissingDefaultFolder(paths)) return false
  process.stderr.write(
    `atseq ${command}: looked for sequence files (*.yaml, *.yml) under sequences/, and there is no such folder here; name the files or folders to check, e.g. atseq ${command} modem-tests/ or atseq ${command} at-basic.yaml\n`,
  )
  process.exitCode = EXIT.invalidInput
  return true
}
