import t from 'tap'
import type { Command } from 'commander'
import { buildProgram } from '../../src/cli/program.js'
import { loadProgram } from '../../src/cli/load-program.js'

const full = buildProgram([])
const names = full.commands.map(command => command.name())
const argvFor = (...args: string[]): string[] => ['node', 'atseq', ...args]

/** Help text of a command and of everything under it, the visible shape of its arguments and options. */
function describeTree(command: Command): string[] {
  return [command.helpInformation(), ...command.commands.flatMap(describeTree)]
}

t.test('a named command is loaded alone, the same command as in the whole program', async t => {
  for (const name of names.filter(name => name !== 'completion')) {
    const program = await loadProgram(argvFor('--debug', name, '--format', 'json'))
    t.same(
      program.commands.map(command => command.name()),
      [name],
      `${name}: only its own module`,
    )
    t.same(describeTree(program.commands[0]!), describeTree(full.commands.find(command => command.name() === name)!), `${name}: same help`)
    t.equal(program.helpInformation().split('\n')[0], full.helpInformation().split('\n')[0], `${name}: same program usage`)
    t.ok(
      program.commands[0]!.options.some(option => option.long === '--no-color'),
      `${name}: configured like the rest`,
    )
  }
})

t.test('the whole program when the command lists commands, is unknown, or is not given', async t => {
  for (const args of [['completion', 'bash'], ['help', 'validate'], ['valdate'], ['--help'], []]) {
    const program = await loadProgram(argvFor(...args))
    t.same(
      program.commands.map(command => command.name()),
      names,
      args.join(' ') || '(none)',
    )
  }
})
