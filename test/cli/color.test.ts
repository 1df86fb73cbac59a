import t from 'tap'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { CommanderError, type Command } from 'commander'
import { buildProgram } from '../../src/cli/program.js'
import { chooseColor } from '../../src/app/color-policy.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const ANSI = /\x1b\[\d+m/
const withoutColorEnv = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined }
const atseq = (env: Record<string, string | undefined>, ...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/main.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...withoutColorEnv, ...env },
  })

t.test('the policy: --no-color, then FORCE_COLOR, then NO_COLOR, then a terminal that is not dumb', async t => {
  const tty = { isTTY: true }
  const pipe = { isTTY: false }
  t.equal(chooseColor({ stream: tty, env: {} }), true)
  t.equal(chooseColor({ stream: pipe, env: {} }), false)
  t.equal(chooseColor({ stream: tty, env: { TERM: 'dumb' } }), false)
  t.equal(chooseColor({ stream: tty, env: { NO_COLOR: '1' } }), false)
  t.equal(chooseColor({ stream: tty, env: { NO_COLOR: '' } }), true, 'an empty NO_COLOR does not count')
  t.equal(chooseColor({ stream: pipe, env: { FORCE_COLOR: '1' } }), true)
  t.equal(chooseColor({ stream: pipe, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }), true, 'forcing wins over NO_COLOR')
  t.equal(chooseColor({ stream: tty, env: { FORCE_COLOR: '0' } }), false)
  t.equal(chooseColor({ stream: tty, env: { FORCE_COLOR: 'false' } }), false)
  t.equal(chooseColor({ stream: pipe, flag: false, env: { FORCE_COLOR: '1' } }), false, '--no-color wins over everything')
})

/** The usage error a command prints for these arguments, parsed in this process with the given environment. */
function captureUsageError(env: Record<string, string | undefined>, args: string[]): string {
  const saved = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR }
  setEnv(env)
  let stderr = ''
  try {
    const program = buildProgram(args)
    const visit = (command: Command): void => {
      command.configureOutput({ writeErr: text => void (stderr += text) })
      command.commands.forEach(visit)
    }
    visit(program)
    program.parse(args, { from: 'user' })
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error
  } finally {
    setEnv(saved)
  }
  return stderr
}

function setEnv(env: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
}

t.test('every command takes --no-color and colours its usage errors by the one policy', async t => {
  for (const command of buildProgram([]).commands) {
    const name = command.name()
    t.ok(
      command.options.some(option => option.long === '--no-color'),
      `${name} has --no-color`,
    )
    const captured: Record<string, string> = {}
    for (const [label, env, extra] of [
      ['forced', { FORCE_COLOR: '1', NO_COLOR: undefined }, []],
      ['forced but --no-color', { FORCE_COLOR: '1', NO_COLOR: undefined }, ['--no-color']],
      ['NO_COLOR', { FORCE_COLOR: undefined, NO_COLOR: '1' }, []],
    ] as const) {
      captured[label] = captureUsageError(env, [name, ...extra, '--no-such-option'])
    }
    t.match(captured.forced, ANSI, `${name}: FORCE_COLOR colours the error`)
    t.notMatch(captured['forced but --no-color'], ANSI, `${name}: --no-color wins`)
    t.notMatch(captured.NO_COLOR, ANSI, `${name}: NO_COLOR (off a terminal) is plain`)
  }
})

t.test('run and validate colour their output when forced and never with --no-color', async t => {
  const seed = 'sequences/simcom/mqtts-not-verify-server.yaml'
  const reports = t.testdir({})
  const forced = atseq({ FORCE_COLOR: '1' }, 'run', '--report-dir', reports, '--format', 'json', seed)
  t.equal(forced.status, 0, forced.stderr)
  t.match(forced.stdout, ANSI, 'run: coloured when forced')
  const plain = atseq({ FORCE_COLOR: '1' }, 'run', '--no-color', '--report-dir', reports, '--format', 'json', seed)
  t.notMatch(plain.stdout, ANSI, 'run: --no-color wins')
  const invalid = 'test/fixtures/invalid/unknown-key.yaml'
  t.match(atseq({ FORCE_COLOR: '1' }, 'validate', invalid).stderr, ANSI, 'validate: coloured when forced')
  t.notMatch(atseq({ FORCE_COLOR: '1' }, 'validate', '--no-color', invalid).stderr, ANSI, 'validate: --no-color wins')
  t.notMatch(atseq({}, 'validate', invalid).stderr, ANSI, 'validate: plain off a terminal')
})
