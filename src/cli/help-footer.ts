/** The end of every command's `--help`: examples to copy and the exit codes, in one layout for all commands. */
import type { Command } from 'commander'

export interface HelpFooter {
  /** Command lines a user can copy, each optionally followed by two spaces and `# what it does`. */
  examples: readonly string[]
  /** `0 all files valid, 2 some file invalid or unreadable`: the codes this command ends with. */
  exitCodes: string
  /** Paragraphs printed before the examples. */
  notes?: string
}

/** Appends the notes, the examples and the exit codes to a command's help. */
export function addHelpFooter(command: Command, footer: HelpFooter): Command {
  const notes = footer.notes === undefined ? [] : ['', footer.notes]
  const examples = ['', 'Examples:', ...footer.examples.map(example => `  ${example}`)]
  return command.addHelpText('after', [...notes, ...examples, '', `Exit codes: ${footer.exitCodes}`].join('\n'))
}
