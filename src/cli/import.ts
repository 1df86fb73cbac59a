import { EXIT } from '../model/exit-code.js'
import { writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { formatDiagnostic, formatImportReport, hasErrors, importSpecTable } from '../sequence/index.js'
import { readSourceFile } from '../sequence/read-source.js'

/** `atseq import <spec.txt> [-o out.yaml]`: a spec table as a sequence; YAML on stdout (or the file), notes and warnings on stderr. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('turn a spec table (pipe-separated rows) into a sequence YAML file; rows it cannot read become todo steps')
    .argument('<spec>', 'the spec table as a text file')
    .option('-o, --output <file>', 'write the YAML to this file instead of stdout')
    .option('--device-profile <name>', "the draft's device: (default: inferred from the commands, e.g. AT+CMQTT... is simcom-a76xx)")
    .option('--report', 'print what each row became (stdout with -o, else stderr)')
    .addHelpText('after', '\nExit codes: 0 imported (warnings are printed on stderr), 2 the spec cannot be read or holds no rows.')
    .action(async (spec: string, options: { output?: string; deviceProfile?: string; report?: boolean }) => {
      const read = await readSourceFile(spec)
      if (read.kind === 'unreadable') {
        process.stderr.write(`${formatDiagnostic(read.diagnostic)}\n`)
        process.exitCode = EXIT.invalidInput
        return
      }
      const { yaml, diagnostics, rows } = importSpecTable(
        read.text,
        spec,
        options.deviceProfile === undefined ? {} : { deviceProfile: options.deviceProfile },
      )
      for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`)
      if (options.report === true) (options.output === undefined ? process.stderr : process.stdout).write(formatImportReport(rows))
      if (hasErrors(diagnostics)) {
        process.exitCode = EXIT.invalidInput
        return
      }
      if (options.output === undefined) process.stdout.write(yaml)
      else await writeFile(options.output, yaml)
      process.exitCode = EXIT.passed
    })
}
