import t from 'tap'
import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { CommanderError, type Command } from 'commander'
import { buildProgram } from '../../src/cli/program.js'

// Runs the built CLI (npm test builds dist/ first).
const root = fileURLToPath(new URL('../../', import.meta.url))
const atseq = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/main.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: undefined },
  })

const commandNames = buildProgram([]).commands.map(command => command.name())

/** Parses a command line in this process, as main.ts does, keeping what commander writes. */
async function parseInProcess(args: string[]): Promise<{ stdout: string; stderr: string; usageError: boolean }> {
  const program = buildProgram(args)
  let stdout = ''
  let stderr = ''
  const visit = (command: Command): void => {
    command.configureOutput({ writeOut: text => void (stdout += text), writeErr: text => void (stderr += text) })
    command.commands.forEach(visit)
  }
  visit(program)
  // An action would start a real command; these tests end in commander's errors and help before any action runs.
  for (const command of program.commands) command.action(() => Promise.reject(new Error(`${command.name()} ran`)))
  try {
    await program.parseAsync(args, { from: 'user' })
    return { stdout, stderr, usageError: false }
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error
    return { stdout, stderr, usageError: error.exitCode !== 0 }
  }
}

t.test('every command answers an unknown option with the error, its usage line and where the help is', async t => {
  t.ok(commandNames.length >= 11, 'the whole tree')
  for (const name of commandNames) {
    const run = await parseInProcess([name, '--no-such-option'])
    t.ok(run.usageError, `${name}: a usage error (main.ts exits 2)`)
    const lines = run.stderr.trimEnd().split('\n')
    t.ok(lines.length <= 5, `${name}: at most five lines, got ${lines.length}`)
    t.match(lines[0], new RegExp(`^atseq ${name}: error: `))
    t.ok(lines.includes(`see \`atseq ${name} --help\``), `${name} says where the help is`)
    t.ok(
      lines.some(line => line.startsWith(`usage: atseq ${name} `)),
      `${name} shows its usage line`,
    )
    t.equal(run.stdout, '', `${name} prints nothing on stdout`)
  }
  const spawned = atseq('run', '--no-such-option')
  t.equal(spawned.status, 2, 'the built CLI exits 2')
  t.match(
    spawned.stderr,
    /^atseq run: error: unknown option '--no-such-option'\nusage: atseq run \[options\] <paths\.\.\.>\nsee `atseq run --help`\n$/,
  )
})

t.test('an unknown command and a missing argument are usage errors too', async t => {
  const unknown = atseq('rn')
  t.equal(unknown.status, 2)
  t.match(unknown.stderr, /^atseq: error: unknown command 'rn'/)
  t.match(unknown.stderr, /see `atseq --help`/)
  const missing = atseq('diff', 'only-one.json')
  t.equal(missing.status, 2)
  t.match(missing.stderr, /usage: atseq diff \[options\] <a> <b>/)
})

t.test('values the command cannot use are usage errors, exit 2, before anything starts', async t => {
  for (const args of [
    ['sim', '--listen', 'udp://127.0.0.1:0'],
    ['sim', '--profile', 'nokia-3310'],
    ['run', '--broker', 'garbage://x', 'sequences/simcom/mqtts-not-verify-server.yaml'],
    ['record', '--broker', 'garbage://x', '-o', 'never-written.yaml'],
    ['run', '--timeout-scale', '1000', 'sequences/'],
    ['diff', '--latency-threshold', 'soon', 'a.json', 'b.json'],
  ]) {
    const run = atseq(...args)
    t.equal(run.status, 2, args.join(' '))
    t.match(run.stderr, new RegExp(`^atseq ${args[0]}: error: `), args.join(' '))
  }
})

t.test('every command has help with examples, exit codes and defaults with their units', async t => {
  for (const name of commandNames) {
    const run = await parseInProcess([name, '--help'])
    t.notOk(run.usageError, `${name} --help is no usage error`)
    t.match(run.stdout, /\nExamples:\n {2}.*atseq /, `${name} has examples`)
    t.match(run.stdout, /\nExit codes: .*\b0 /, `${name} has exit codes`)
  }
  t.match((await parseInProcess(['record', '--help'])).stdout, /result code\s+\(default:\s+30s\)/)
  t.match((await parseInProcess(['diff', '--help'])).stdout, /\(default:\s+500ms\)/)
  t.match((await parseInProcess(['run', '--help'])).stdout, /\(default:\s+html,junit,json\)/)
})

t.test('repeatable options say nothing of their empty default in --help', async t => {
  for (const name of commandNames) {
    const { stdout } = await parseInProcess([name, '--help'])
    t.notMatch(stdout, /\(default:\s*(\[\]|\{\})\)/, `${name} shows no (default: []) or (default: {})`)
  }
  const run = (await parseInProcess(['run', '--help'])).stdout
  t.match(run, /--tag <tag>\s+run only sequences with this tag \(repeatable\)\n/, 'the description stays, the empty default goes')
  t.match(run, /\(default:\s+html,junit,json\)/, 'a real default is still shown')
})

t.test('help piped into a reader that stops early ends quietly (no EPIPE crash)', async t => {
  const child = spawn(process.execPath, ['dist/cli/main.js', 'run', '--help'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout.destroy()
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  t.equal(stderr, '', 'nothing on stderr')
  t.equal(code, 0)
})
