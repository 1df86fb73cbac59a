// Runs every benchmark in turn (each prints its numbers and its ratio to its target).
// `npm run bench` builds first; each script imports the built code from dist/.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const BENCHES = ['validate.mjs', 'chat.mjs', 'sim.mjs', 'run.mjs', 'report.mjs', 'report-open.mjs', 'suite.mjs']
let failed = 0
for (const bench of BENCHES) {
  console.log(`\n== bench/${bench}`)
  const result = spawnSync(process.execPath, [fileURLToPath(new URL(bench, import.meta.url))], { stdio: 'inherit' })
  if (result.status !== 0) failed += 1
}
process.exitCode = failed === 0 ? 0 : 1
