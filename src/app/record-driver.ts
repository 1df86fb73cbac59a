/**
 * What drives a recorded session: the commands of a `--script` file, or the terminal on this process's stdin.
 */
import { readFileSync } from 'node:fs'
import { parseCaptureScript } from '../capture/capture-script.js'
import type { CaptureSession } from '../capture/capture-session.js'
import { runTerminal } from '../capture/terminal.js'
import type { SessionDriver } from './record-session.js'

/** The script's items, or the terminal; a string is the problem to print. */
export function buildDriver(options: { script?: string; commandTimeoutMs: number }): SessionDriver | string {
  if (options.script === undefined) {
    if (process.stdin.isTTY !== true) return 'atseq record: the interactive mode needs a terminal; use --script <file> otherwise\n'
    return { kind: 'interactive', run: capture => runInteractive(capture, options.commandTimeoutMs) }
  }
  let text: string
  try {
    text = readFileSync(options.script, 'utf8')
  } catch (error) {
    return `atseq record: cannot read ${options.script}: ${(error as Error).message}\n`
  }
  const parsed = parseCaptureScript(text)
  if (parsed.problems.length > 0) return parsed.problems.map(p => `${options.script}:${p.line}: ${p.message} [${p.code}]\n`).join('')
  return { kind: 'script', items: parsed.items }
}

/** The terminal on this process's stdin, showing the command timeout while it waits. */
function runInteractive(capture: CaptureSession, commandTimeoutMs: number): Promise<'end' | 'discard'> {
  return runTerminal(capture, { input: process.stdin, output: process.stdout }, { commandTimeoutMs })
}
