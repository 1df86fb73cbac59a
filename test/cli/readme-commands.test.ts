/**
 * The README's `sh readme-test` block, run as written against the built CLI (run `npm run build` first): each
 * `npx atseq …` line in a fresh project holding this repository's `sequences/`, its output checked for the text
 * after `→`. A command or a claim that stops being true fails here, not in a reader's terminal.
 */
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const readme = readFileSync(join(root, 'README.md'), 'utf8')

interface ReadmeCommand {
  line: string
  args: string[]
  claim: string
}

/** Every line of every block fenced as ```sh readme-test: `npx atseq <args>  # → <claim>`. */
function extractReadmeCommands(markdown: string): ReadmeCommand[] {
  const blocks = [...markdown.matchAll(/^```sh readme-test\n([\s\S]*?)^```$/gm)].map(match => match[1] ?? '')
  return blocks.flatMap(block =>
    block
      .split('\n')
      .filter(line => line.trim() !== '')
      .map(line => {
        const parsed = /^npx atseq (?<args>.+?)\s+# → (?<claim>.+)$/.exec(line)
        if (parsed?.groups === undefined) throw new Error(`README readme-test line is not "npx atseq … # → claim": ${line}`)
        return { line, args: splitArgs(parsed.groups['args'] ?? ''), claim: parsed.groups['claim'] ?? '' }
      }),
  )
}

/** Words as a POSIX shell splits them, for the quoting the README uses (single and double quotes, no expansion). */
function splitArgs(text: string): string[] {
  return [...text.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map(match => match[1] ?? match[2] ?? match[3] ?? '')
}

const commands = extractReadmeCommands(readme)

t.test('the README has a block of commands for this test, each making a claim', async t => {
  t.ok(commands.length >= 4, `${commands.length} commands`)
  t.ok(
    commands.some(command => command.args[0] === 'run'),
    'a run among them',
  )
  t.same(splitArgs(`run --device 'sim://simcom-a76xx?echo=0' "a b.yaml"`), ['run', '--device', 'sim://simcom-a76xx?echo=0', 'a b.yaml'])
})

t.test('every README command does what the README says, in a fresh project', async t => {
  const started = Date.now()
  for (const command of commands) {
    const project = t.testdir({})
    cpSync(join(root, 'sequences'), join(project, 'sequences'), { recursive: true })
    const run = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), ...command.args], {
      cwd: project,
      encoding: 'utf8',
      timeout: 50_000,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    })
    t.equal(run.status, 0, `${command.line}\n${run.stderr}`)
    t.ok(run.stdout.includes(command.claim), `${command.line}: the output says "${command.claim}"`)
  }
  t.ok(Date.now() - started < 60_000, `all in ${Date.now() - started} ms`)
})

t.test('the README`s other claims about those commands hold', async t => {
  const seed = commands.find(command => command.args.includes('sequences/simcom/mqtts-not-verify-server.yaml'))
  const printed = /^ {2}PASSED — (\d+) passed, 0 failed/m.exec(readme)
  t.ok(seed !== undefined && printed !== null, 'the sample output of the seed run is in the README')
  t.match(seed?.claim, new RegExp(`— ${printed?.[1]} passed`), 'the sample output shows the count the run prints')
  // An installed project finds the schema at node_modules/atseq/schemas/: the package must ship that folder.
  const files = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] }).files
  t.ok(files.includes('schemas') && existsSync(join(root, 'schemas/sequence.schema.json')), 'the package ships schemas/')
  t.match(readme, /node_modules\/atseq\/schemas\/sequence\.schema\.json/)
})
