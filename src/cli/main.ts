#!/usr/bin/env node
import { EXIT } from '../model/exit-code.js'
import { CommanderError } from 'commander'
import { buildProgram } from './program.js'

try {
  await buildProgram().parseAsync(process.argv)
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and --version end with code 0; every other commander error is a usage error.
    process.exitCode = error.exitCode === 0 ? EXIT.passed : EXIT.invalidInput
  } else {
    process.stderr.write(
      `atseq: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exitCode = EXIT.internal
  }
}
