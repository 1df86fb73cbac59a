import type { Command } from 'commander'
import { importTableFile, type ImportTableOptions } from '../app/import-table-file.js'
import { addHelpFooter } from './help-footer.js'

/** `atseq import <spec.txt> [-o out.yaml]`: a spec table as a sequence; YAML on stdout (or the file), notes and warnings on stderr. */
export function registerImport(program: Command): void {
  const command = program
    .command('import')
    .description('turn a spec table (pipe-separated rows) into a sequence YAML file; rows it cannot read become todo steps')
    .argument('<spec>', 'the spec table as a text file')
    .option('-o, --output <file>', 'write the YAML to this file instead of stdout')
    .option('--device-profile <name>', "the draft's device: (default: inferred from the commands, e.g. AT+CMQTT... is simcom-a76xx)")
    .option('--report', 'print what each row became (stdout with -o, else stderr)')
  addHelpFooter(command, {
    examples: ['atseq import spec.txt -o sequences/new.yaml --report', 'atseq import spec.txt --device-profile simcom-a76xx > new.yaml'],
    exitCodes: '0 imported (warnings are printed on stderr), 2 the spec cannot be read or holds no rows.',
  }).action(async (spec: string, options: ImportTableOptions) => {
    process.exitCode = await importTableFile(
      spec,
      options,
      text => process.stdout.write(text),
      text => process.stderr.write(text),
    )
  })
}
