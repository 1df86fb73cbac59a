import { Command } from 'commander'
import { readPackageVersion } from './version.js'

/** The `atseq` program without its commands: name, description, `--version` and `--debug`. */
export function createRootCommand(): Command {
  return new Command('atseq')
    .description('Declarative AT-command test sequences for cellular modems: import spec tables, validate, run, report.')
    .version(readPackageVersion())
    .option('--debug', 'print the stack trace of an internal error (exit 70)')
}
