#!/usr/bin/env node
import { CommanderError } from 'commander'
import { buildProgram } from './program.js'

/** Exit code for a bug in atseq itself (EX_SOFTWARE), kept apart from test outcomes. */
const EXIT_INTERNAL = 70

try {
  await buildProgram().parseAsync(process.argv)
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and --version end with code 0; every other commander error is a usage error.
    process.exitCode = error.exitCode === 0 ? 0 : 2
  } else {
    process.stderr.write(`atseq: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = EXIT_INTERNAL
  }
}
