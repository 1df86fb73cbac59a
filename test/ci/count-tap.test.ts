/** The CI summary counts a test that skipped something inside as skipped, never as passed. */
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('../../.ci/count-tap.mjs', import.meta.url))
const stream = [
  'TAP version 14',
  '1..1',
  '# Subtest: test/x.test.ts',
  '    # Subtest: passes',
  '        ok 1 - should be equal',
  '        1..1',
  '    ok 1 - passes',
  '    # Subtest: skips inside',
  '        ok 1 - not here # SKIP',
  '        1..1',
  '    ok 2 - skips inside',
  '    # Subtest: skips deeper',
  '        # Subtest: inner',
  '            ok 1 - deeper # TODO later',
  '            1..1',
  '        ok 1 - inner',
  '        1..1',
  '    ok 3 - skips deeper',
  '    ok 4 - whole skip # SKIP no',
  '    1..4',
  'ok 1 - test/x.test.ts',
  '',
].join('\n')

t.test('skips and todos inside a passing test make it skipped', async t => {
  const run = spawnSync(process.execPath, [script], { input: stream, encoding: 'utf8', timeout: 30_000 })
  t.equal(run.status, 0)
  t.match(run.stdout, /\n1 passed, 0 failed, 3 skipped\n$/)
})
