import { Command } from 'commander'
import { readPackageVersion } from './version.js'
import { registerBroker } from './broker.js'

/** The atseq command line: each command lives in its own file and only parses arguments and maps outcomes to exit codes. */
export function buildProgram(): Command {
  const program = new Command('atseq')
    .description('Declarative AT-command test sequences for cellular modems: import spec tables, validate, run, report.')
    .version(readPackageVersion())
    .showHelpAfterError()
  // Commands register themselves below, one line each.
  registerBroker(program)
  return program
}
