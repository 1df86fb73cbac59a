/** `atseq schema`: prints or writes the sequence JSON Schema that editors validate and complete YAML with. */
import type { Command } from 'commander'
import { exportSequenceSchema } from '../app/export-sequence-schema.js'
import { EXIT } from '../model/exit-code.js'
import { addHelpFooter } from './help-footer.js'

/** Registers `atseq schema [--out file]`. */
export function registerSchema(program: Command): void {
  const command = program
    .command('schema')
    .description('print the sequence JSON Schema (id https://atseq.dev/schemas/sequence.schema.json), or write it with --out')
    .option('--out <file>', 'write the schema to this file instead of stdout (its folder is created)')
  addHelpFooter(command, {
    notes:
      'Point an editor at the written file, e.g. the first line of a sequence:\n  # yaml-language-server: $schema=./sequence.schema.json',
    examples: ['atseq schema --out .atseq/sequence.schema.json', 'atseq schema | jq .title'],
    exitCodes: '0 printed or written, 2 the --out file cannot be written.',
  }).action(async (options: { out?: string }) => {
    const result = await exportSequenceSchema(options.out)
    if (result.kind === 'printed') process.stdout.write(result.text)
    else if (result.kind === 'written') process.stdout.write(`wrote ${result.path}\n`)
    else process.stderr.write(`atseq schema: ${result.message}\n`)
    process.exitCode = result.kind === 'unwritable' ? EXIT.invalidInput : EXIT.passed
  })
}
