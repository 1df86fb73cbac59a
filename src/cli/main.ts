#!/usr/bin/env node
import { EXIT } from '../model/exit-code.js'
import { CommanderError } from 'commander'
import { loadProgram } from './load-program.js'

// `atseq run --help | head` closes the pipe early: the reader has what it wanted, so end quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.passed)
  })
}

try {
  await (await loadProgram(process.argv)).parseAsync(process.argv)
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and --version end with code 0; every other commander error is a usage error.
    process.exitCode = error.exitCode === 0 ? EXIT.passed : EXIT.invalidInput
  } else {
    // One line by default; the stack is for whoever reports or fixes the bug.
    const detail =
      error instanceof Error ? (process.argv.includes('--debug') ? (error.stack ?? error.message) : error.message) : String(error)
    process.stderr.write(`atseq: internal error, please report it (run with --debug for the stack trace): ${firstLine(detail, error)}\n`)
    process.exitCode = EXIT.internal
  }
}

function firstLine(detail: string, error: unknown): string {
  return process.argv.includes('--debug') || !(error instanceof Error) ? detail : (detail.split('\n')[0] ?? detail)
}
