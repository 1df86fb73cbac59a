/** `atseq completion bash|zsh|fish`: prints a completion script generated from the registered commands. */
import { Argument, type Command } from 'commander'
import { COMPLETION_SHELLS, writeCompletionScript, type CompletionCommand, type CompletionShell } from './completion-script.js'
import { addHelpFooter } from './help-footer.js'

/** Registers `atseq completion`; call it after every other command so the script lists them all. */
export function registerCompletion(program: Command): void {
  const command = program
    .command('completion')
    .description('print a shell completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(COMPLETION_SHELLS))
  addHelpFooter(command, {
    examples: [
      'source <(atseq completion bash)                       # this shell; add it to ~/.bashrc to keep it',
      'atseq completion zsh > "${fpath[1]}/_atseq"',
      'atseq completion fish > ~/.config/fish/completions/atseq.fish',
    ],
    exitCodes: '0 printed, 2 usage (a shell atseq does not know).',
  }).action((shell: CompletionShell) => {
    process.stdout.write(writeCompletionScript(shell, program.name(), describeCommands(program)))
  })
}

function describeCommands(program: Command): CompletionCommand[] {
  const commands = program.commands.map(command => ({
    name: command.name(),
    description: command.description().split('\n')[0] ?? '',
    takesArguments: command.registeredArguments.length > 0,
    options: command.options
      .filter(option => !option.hidden)
      .map(option => ({
        ...(option.long === undefined ? {} : { long: option.long }),
        ...(option.short === undefined ? {} : { short: option.short }),
        description: option.description,
        takesValue: option.required || option.optional,
        ...(option.argChoices === undefined ? {} : { choices: option.argChoices }),
      })),
  }))
  return [...commands, { name: 'help', description: 'show the help of a command', options: [], takesArguments: true }]
}
