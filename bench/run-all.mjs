// Runs every bench, one after the other, each in its own process so none inherits another's heap or JIT:
// `npm run bench` runs all, `npm run bench -- chat report` only those. Exits 1 when any bench missed a target
// (or failed), and when a bench could not measure a figure because a tool is missing (its exit 3): exit 0 means
// every figure was measured and met. `npm run bench` builds first; each bench imports the built code from dist/.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { SKIPPED_EXIT } from './harness.mjs'

const BENCHES = ['chat', 'validate', 'runner', 'scale', 'soak', 'report', 'report-open']
const asked = process.argv.slice(2).filter(arg => !arg.startsWith('--'))
const unknown = asked.filter(name => !BENCHES.includes(name))
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(', ')} (known: ${BENCHES.join(', ')})`)
  process.exit(2)
}
const options = process.argv.slice(2).filter(arg => arg.startsWith('--'))
const missed = []
const skipped = []
for (const name of asked.length > 0 ? asked : BENCHES) {
  console.log(`\n== bench/${name}.mjs`)
  const result = spawnSync(process.execPath, [fileURLToPath(new URL(`${name}.mjs`, import.meta.url)), ...options], { stdio: 'inherit' })
  if (result.status === SKIPPED_EXIT) skipped.push(name)
  else if (result.status !== 0) missed.push(name)
}
if (missed.length > 0) console.log(`\nbench: missed or failed: ${missed.join(', ')}`)
if (skipped.length > 0) console.log(`\nbench: not every figure was measured (a tool is missing; see above): ${skipped.join(', ')}`)
if (missed.length === 0 && skipped.length === 0) console.log('\nbench: every target met')
process.exitCode = missed.length === 0 && skipped.length === 0 ? 0 : 1
