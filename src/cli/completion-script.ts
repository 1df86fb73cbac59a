/**
 * Shell completion scripts for bash, zsh and fish, written from a plain description of the command tree, so
 * a new command or option completes as soon as it is registered.
 */

/** One option as completion needs it: its flags, whether it takes a value, and the values it allows. */
export interface CompletionOption {
  long?: string
  short?: string
  description: string
  takesValue: boolean
  choices?: readonly string[]
}

/** One command: its name, a line about it, its options, and whether it takes paths as arguments. */
export interface CompletionCommand {
  name: string
  description: string
  options: readonly CompletionOption[]
  takesArguments: boolean
}

/** The shells `atseq completion` writes a script for. */
export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const
export type CompletionShell = (typeof COMPLETION_SHELLS)[number]

/** The completion script for one shell. */
export function writeCompletionScript(shell: CompletionShell, program: string, commands: readonly CompletionCommand[]): string {
  if (shell === 'bash') return writeBashScript(program, commands)
  if (shell === 'zsh') return writeZshScript(program, commands)
  return writeFishScript(program, commands)
}

function flagsOf(options: readonly CompletionOption[]): string[] {
  return options.flatMap(option => [option.long, option.short].filter((flag): flag is string => flag !== undefined))
}

function shellFunctionName(program: string): string {
  return `_${program.replace(/[^A-Za-z0-9_]/g, '_')}_complete`
}

function writeBashScript(program: string, commands: readonly CompletionCommand[]): string {
  const fn = shellFunctionName(program)
  const cases = commands.map(command => {
    const choices = command.options
      .filter(option => option.choices !== undefined)
      .map(option => `      ${flagsOf([option]).join('|')}) COMPREPLY=($(compgen -W "${option.choices?.join(' ')}" -- "$cur")); return ;;`)
    return [
      `    ${command.name})`,
      ...(choices.length === 0 ? [] : ['      case "$prev" in', ...choices.map(line => `  ${line}`), '      esac']),
      `      words="${flagsOf(command.options).join(' ')}" ;;`,
    ].join('\n')
  })
  return `# bash completion for ${program}; load it with: source <(${program} completion bash)
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" subcommand="" words="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      -*) ;;
      *) subcommand="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  if [[ -z "$subcommand" ]]; then
    COMPREPLY=($(compgen -W "${commands.map(command => command.name).join(' ')} --help --version" -- "$cur"))
    return
  fi
  case "$subcommand" in
${cases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$words --help" -- "$cur")); fi
}
complete -o default -F ${fn} ${program}
`
}

function quoteZsh(text: string): string {
  return text.replace(/'/g, `'\\''`)
}

function describeZshOption(option: CompletionOption): string[] {
  const description = quoteZsh(option.description.replace(/[[\]:]/g, ' '))
  const value = option.takesValue ? `:value:${option.choices === undefined ? '_files' : `(${option.choices.join(' ')})`}` : ''
  return flagsOf([option]).map(flag => `'*${flag}[${description}]${value}'`)
}

function writeZshScript(program: string, commands: readonly CompletionCommand[]): string {
  const fn = shellFunctionName(program)
  const described = commands.map(command => `    '${command.name}:${quoteZsh(command.description.replace(/:/g, '\\:'))}'`)
  const cases = commands.map(command => {
    const specs = [...command.options.flatMap(describeZshOption), ...(command.takesArguments ? [`'*:path:_files'`] : [])]
    return `    ${command.name}) _arguments ${specs.join(' ')} ;;`
  })
  return `#compdef ${program}
# zsh completion for ${program}; load it with: source <(${program} completion zsh)
${fn}() {
  local -a commands
  commands=(
${described.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  shift words
  (( CURRENT-- ))
  case "\${words[1]}" in
${cases.join('\n')}
  esac
}
compdef ${fn} ${program}
`
}

function quoteFish(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

function writeFishScript(program: string, commands: readonly CompletionCommand[]): string {
  const names = commands.map(command => command.name).join(' ')
  const lines = [
    `# fish completion for ${program}; load it with: ${program} completion fish | source`,
    `complete -c ${program} -f`,
    ...commands.map(
      command =>
        `complete -c ${program} -n 'not __fish_seen_subcommand_from ${names}' -a ${command.name} -d ${quoteFish(command.description)}`,
    ),
  ]
  for (const command of commands) {
    const when = `-n '__fish_seen_subcommand_from ${command.name}'`
    if (command.takesArguments) lines.push(`complete -c ${program} ${when} -F`)
    for (const option of command.options) {
      const flags = [option.long && `-l ${option.long.slice(2)}`, option.short && `-s ${option.short.slice(1)}`].filter(Boolean).join(' ')
      const value = option.takesValue ? (option.choices === undefined ? ' -r -F' : ` -x -a ${quoteFish(option.choices.join(' '))}`) : ''
      lines.push(`complete -c ${program} ${when} ${flags}${value} -d ${quoteFish(option.description)}`)
    }
  }
  return `${lines.join('\n')}\n`
}
