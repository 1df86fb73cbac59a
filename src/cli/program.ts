import type { Command } from 'commander'
import { createRootCommand } from './root-command.js'
import { registerValidate } from './validate.js'
import { registerLint } from './lint.js'
import { registerImport } from './import.js'
import { registerRun } from './run.js'
import { registerBroker } from './broker.js'
import { registerSim } from './sim.js'
import { registerPorts } from './ports.js'
import { registerDiff } from './diff.js'
import { registerRecord } from './record.js'
import { registerMerge } from './merge.js'
import { registerCompletion } from './completion.js'
import { registerSchema } from './schema.js'
import { configureUsage } from './usage.js'

/** The atseq command line: each command lives in its own file and only parses arguments and maps outcomes to exit codes. */
export function buildProgram(argv: readonly string[] = process.argv): Command {
  const program = createRootCommand()
  // Commands register themselves below, one line each.
  registerRun(program)
  registerBroker(program)
  registerSim(program)
  registerValidate(program)
  registerLint(program)
  registerImport(program)
  registerPorts(program)
  registerDiff(program)
  registerRecord(program)
  registerMerge(program)
  registerCompletion(program)
  registerSchema(program)
  // Usage errors exit 2 (invalid input), not commander's default 1 (which means "a test failed").
  configureUsage(program, argv)
  return program
}
