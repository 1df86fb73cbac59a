import type { Command } from 'commander'
import { createRootCommand } from './root-command.js'
import { configureUsage } from './usage.js'

type Register = (program: Command) => void

/**
 * Each command's module, loaded only when that command runs: `atseq validate` then never loads the simulator, the
 * broker, the reports or serialport, which took most of a short command's start-up. `completion` (it lists every
 * command) and `help` are not here: they get the whole program.
 */
const COMMAND_LOADERS: Readonly<Record<string, () => Promise<Register>>> = {
  run: async () => (await import('./run.js')).registerRun,
  broker: async () => (await import('./broker.js')).registerBroker,
  sim: async () => (await import('./sim.js')).registerSim,
  validate: async () => (await import('./validate.js')).registerValidate,
  lint: async () => (await import('./lint.js')).registerLint,
  import: async () => (await import('./import.js')).registerImport,
  ports: async () => (await import('./ports.js')).registerPorts,
  diff: async () => (await import('./diff.js')).registerDiff,
  record: async () => (await import('./record.js')).registerRecord,
  merge: async () => (await import('./merge.js')).registerMerge,
  schema: async () => (await import('./schema.js')).registerSchema,
}

/** The program for `argv`: only the command it names when that is one of COMMAND_LOADERS, otherwise every command (`buildProgram`). */
export async function loadProgram(argv: readonly string[]): Promise<Command> {
  const name = findCommandName(argv)
  const load = name === undefined || !Object.hasOwn(COMMAND_LOADERS, name) ? undefined : COMMAND_LOADERS[name]
  if (load === undefined) return (await import('./program.js')).buildProgram(argv)
  const program = createRootCommand()
  ;(await load())(program)
  configureUsage(program, argv)
  return program
}

/** The first word after node and the script that is not an option: the program's own options take no value. */
function findCommandName(argv: readonly string[]): string | undefined {
  return argv.slice(2).find(arg => !arg.startsWith('-'))
}
