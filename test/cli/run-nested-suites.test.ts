import t from 'tap'
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { groupRunInputs } from '../../src/app/group-run-inputs.js'

// Runs the built CLI (npm test builds dist/ first).
const root = fileURLToPath(new URL('../../', import.meta.url))

t.test('a folder of nested suites: each suite runs as that suite, and atseq says what it found', async t => {
  const reports = t.testdir({})
  const run = spawnSync(
    process.execPath,
    ['dist/cli/main.js', 'run', '--grep', 'user-password', '--format', 'json', '--report-dir', reports, 'sequences/'],
    { cwd: root, encoding: 'utf8', timeout: 100_000 },
  )
  t.equal(run.status, 0, run.stdout + run.stderr)
  t.match(run.stdout, /^found (suite sequences\/[a-z]+\/[a-z]+ \(\d+ sequences\), )+\d+ loose files?\n/)
  t.match(run.stdout.split('\n')[0], /suite sequences\/simcom\/mqtt \(\d+ sequences\)/)
  // user-password passes only with the accounts the MQTT suite gives the embedded broker.
  const dir = join(reports, 'sequences-simcom-mqtt')
  const json = readdirSync(dir).find(file => file.startsWith('user-password-') && file.endsWith('.json'))
  t.ok(json, 'the run record is in the suite folder')
  const record = JSON.parse(readFileSync(join(dir, json ?? ''), 'utf8')) as { status: string; steps: Array<{ phase: string }> }
  t.equal(record.status, 'passed')
  t.match(run.stdout, /suite SIMCom MQTT\(S\) certification passed: 1 passed on 1 device/)
})

t.test('the loose files are those no suite folder holds and no suite lists', async t => {
  const seq = (name: string): string => `sequence: ${name}\nsteps:\n  - send: AT\n    expect: OK\n`
  const dir = t.testdir({
    mqtt: {
      'suite.yaml': 'suite: MQTT\ndevice: sim://simcom-a76xx\nsequences:\n  - ../listed.yaml\n  - "*.yaml"\n',
      'connect.yaml': seq('connect'),
    },
    basic: { 'bring-up.yaml': seq('bring-up'), 'signal.yaml': seq('signal') },
    'listed.yaml': seq('listed'),
  })
  const groups = await groupRunInputs([dir])
  const loose = groups?.find(group => group.kind === 'loose')
  const files = loose?.kind === 'loose' ? loose.files.map(file => file.slice(dir.length + 1)).sort() : []
  t.same(files, ['basic/bring-up.yaml', 'basic/signal.yaml'], 'a file a suite lists (listed.yaml) is not loose')
  t.equal(await groupRunInputs([join(dir, 'basic')]), undefined, 'no nested suite: the plain folder run')
})

t.test('a folder that holds a suite.yaml itself stays that one suite', async t => {
  t.equal(await groupRunInputs([join(root, 'sequences/simcom/mqtt/')]), undefined)
})
