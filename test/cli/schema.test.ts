/** `atseq schema`: the published sequence schema, with its stable id, on stdout or in a file (run `npm run build` first). */
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const atseq = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 })
const published = readFileSync(join(root, 'schemas/sequence.schema.json'), 'utf8')

t.test('the schema has a stable https id that editors can name', async t => {
  const schema = JSON.parse(published) as { $id: string; $schema: string }
  t.equal(schema.$id, 'https://atseq.dev/schemas/sequence.schema.json')
  t.match(schema.$schema, /draft\/2020-12/)
})

t.test('atseq schema prints the published file exactly', async t => {
  const run = atseq('schema')
  t.equal(run.status, 0, run.stderr)
  t.equal(run.stdout, published)
})

t.test('atseq schema --out writes it, creating the folder', async t => {
  const dir = t.testdir({})
  const out = join(dir, 'editor', 'sequence.schema.json')
  const run = atseq('schema', '--out', out)
  t.equal(run.status, 0, run.stderr)
  t.equal(readFileSync(out, 'utf8'), published)
  t.match(run.stdout, /^wrote .*sequence\.schema\.json\n$/)
})

t.test('an --out that cannot be written is exit 2 with one line', async t => {
  const dir = t.testdir({})
  writeFileSync(join(dir, 'file'), 'x')
  const run = atseq('schema', '--out', join(dir, 'file', 'sequence.schema.json'))
  t.equal(run.status, 2)
  t.match(run.stderr, /^atseq schema: cannot write .*\n$/)
  t.equal(run.stdout, '')
})
