/** `atseq sim --list`: every profile with its services and commands, read from the profile data (run `npm run build` first). */
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { SIM_PROFILES } from '../../src/sim/profile.js'
import { selectServices } from '../../src/sim/services/index.js'
import { formatSimProfiles } from '../../src/app/format-sim-profiles.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

t.test('the built CLI lists every profile and exits 0 without serving anything', async t => {
  const run = spawnSync(process.execPath, ['dist/cli/main.js', 'sim', '--list'], { cwd: root, encoding: 'utf8', timeout: 30_000 })
  t.equal(run.status, 0, run.stderr)
  t.equal(run.stderr, '')
  for (const name of SIM_PROFILES.keys()) t.match(run.stdout, new RegExp(`^${name}  `, 'm'), `${name} is listed`)
  t.notMatch(run.stdout, /listening|tcp:\/\//, 'no server was started')
})

t.test('each profile block holds exactly its own services, each with every command its handlers answer', async t => {
  const blocks = formatSimProfiles().trimEnd().split('\n\n')
  t.equal(blocks.length, SIM_PROFILES.size)
  for (const [index, profile] of [...SIM_PROFILES.values()].entries()) {
    const block = blocks[index] ?? ''
    t.match(
      block,
      new RegExp(`^${profile.name}  ${profile.identity.manufacturer} ${profile.identity.model} \\(${profile.family} family\\)`),
    )
    const serviceNames = [...block.matchAll(/^ {2}(\w+) +AT/gm)].map(match => match[1])
    t.same(serviceNames, profile.services, `${profile.name}: its services, in order`)
    const words = new Set(block.split(/\s+/))
    for (const service of selectServices(profile.services)) {
      for (const command of Object.keys(service.handlers)) t.ok(words.has(`AT${command}`), `${profile.name} ${service.name}: AT${command}`)
    }
  }
  t.ok(
    blocks.some(block => block.includes('AT+QMTOPEN')) && !(blocks[0] ?? '').includes('AT+QMTOPEN'),
    'Quectel commands only under Quectel',
  )
})

t.test('command lists wrap within 100 columns', async t => {
  for (const line of formatSimProfiles().split('\n')) t.ok(line.length <= 100, line)
})
