/**
 * What every command prints for a usage error: the error, the usage line and where the help is, in at most
 * five lines on stderr; the exit code (2) is set by main.ts from commander's error.
 */
import { Option, type Command } from 'commander'
import { chooseColor, createPainter } from '../app/color-policy.js'
import { describeOption } from './describe-option.js'

/** The longest usage-error message kept; a longer one is cut so the whole error stays within five lines. */
const MAX_MESSAGE_LINES = 3

/** `atseq run`: the words a user types to reach this command. */
export function describeCommandPath(command: Command): string {
  const names: string[] = []
  for (let at: Command | null = command; at !== null; at = at.parent) names.unshift(at.name())
  return names.join(' ')
}

/** The error, `usage: atseq run [options] <paths...>` and "see `atseq run --help`", coloured by the one policy. */
export function formatUsageError(command: Command, message: string, color: boolean): string {
  const paint = createPainter(color)
  const path = describeCommandPath(command)
  const lines = message.trimEnd().split('\n').slice(0, MAX_MESSAGE_LINES)
  const first = (lines[0] ?? '').replace(/^error: /, '')
  return [
    `${path}: ${paint('red', 'error:')} ${first}`,
    ...lines.slice(1),
    `usage: ${path} ${command.usage()}`,
    `see \`${path} --help\``,
  ].join('\n')
}

/** Gives every command of the tree `--no-color`, the short usage error, help without empty defaults and an exit instead of process.exit. */
export function configureUsage(root: Command, argv: readonly string[]): void {
  const color = chooseColor({ flag: !argv.includes('--no-color'), stream: process.stderr })
  const visit = (command: Command): void => {
    // Not on the program itself: commander would take a program option given after the command name too.
    if (command !== root && command.options.every(option => option.long !== '--no-color')) {
      command.addOption(new Option('--no-color', 'plain output without colours (also NO_COLOR=1; FORCE_COLOR=1 forces colour)'))
    }
    command
      .showHelpAfterError(false)
      .exitOverride()
      .configureOutput({ outputError: (text, write) => write(`${formatUsageError(command, text, color)}\n`) })
      .configureHelp({ optionDescription: describeOption })
    command.commands.forEach(visit)
  }
  visit(root)
}
