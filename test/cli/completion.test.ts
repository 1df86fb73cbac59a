import t from 'tap'
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findTool } from '../helpers/system-tool.js'

// Runs the built CLI (npm test builds dist/ first).
const root = fileURLToPath(new URL('../../', import.meta.url))
const atseq = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 })

/** What bash's completion offers for a command line typed so far (the last word is the one being completed). */
function completeInBash(script: string, words: string[]): string[] {
  const lines = [
    `source ${JSON.stringify(script)}`,
    `COMP_WORDS=(${words.map(word => JSON.stringify(word)).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    '_atseq_complete',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ]
  const run = spawnSync(findTool('bash') ?? 'bash', ['--norc', '-c', lines.join('\n')], { encoding: 'utf8', timeout: 10_000 })
  return run.stdout.split('\n').filter(Boolean)
}

t.test('the bash script is valid bash and completes subcommands, their options and option values', async t => {
  const run = atseq('completion', 'bash')
  t.equal(run.status, 0, run.stderr)
  const script = join(t.testdir({}), 'atseq.bash')
  writeFileSync(script, run.stdout)
  const syntax = spawnSync('bash', ['-n', script], { encoding: 'utf8' })
  t.equal(syntax.status, 0, syntax.stderr)
  t.same(completeInBash(script, ['atseq', 'ru']), ['run'])
  t.same(completeInBash(script, ['atseq', 'v']), ['validate'])
  t.ok(completeInBash(script, ['atseq', 'run', '--tim']).includes('--timeout-scale'))
  t.same(completeInBash(script, ['atseq', 'broker', '--key-type', '']), ['rsa', 'ec'])
  t.same(completeInBash(script, ['atseq', 'sim', '--listen', 'tcp://127.0.0.1:0', '--p']).sort(), [
    '--params',
    '--profile',
    '--pty',
    '--pty-link',
  ])
})

t.test('zsh and fish scripts name every command; a shell atseq does not know is a usage error', async t => {
  const names = ['run', 'validate', 'lint', 'import', 'sim', 'broker', 'record', 'diff', 'merge', 'ports', 'completion']
  const zsh = atseq('completion', 'zsh')
  t.equal(zsh.status, 0)
  t.match(zsh.stdout, /^#compdef atseq\n/)
  for (const name of names) t.match(zsh.stdout, new RegExp(`\\n {4}'${name}:`), `zsh lists ${name}`)
  const fish = atseq('completion', 'fish')
  t.equal(fish.status, 0)
  for (const name of names) t.match(fish.stdout, new RegExp(` -a ${name} -d `), `fish lists ${name}`)
  if (findTool('zsh') !== undefined) t.equal(spawnSync('zsh', ['-n'], { input: zsh.stdout }).status, 0, 'valid zsh')
  if (findTool('fish') !== undefined) t.equal(spawnSync('fish', ['--no-execute'], { input: fish.stdout }).status, 0, 'valid fish')
  const unknown = atseq('completion', 'powershell')
  t.equal(unknown.status, 2)
})
