/** The SMS suite in-process on both SIMCom profiles: every message the sequences send reaches the simulated network. */
import { join } from 'node:path'
import t from 'tap'
import { runFiles } from '../../../../src/app/run-files.js'
import { filesRunOptions } from '../../../helpers/run-options.js'

const SUITE = 'sequences/simcom/sms/'

for (const device of ['sim://simcom-a76xx', 'sim://simcom-sim7600']) {
  t.test(`the suite passes on ${device}`, async t => {
    const dir = t.testdir({})
    const result = await runFiles(
      [SUITE],
      filesRunOptions(join(dir, 'reports'), text => t.comment(text), { devices: [device], commandLine: ['atseq', 'run', SUITE] }),
    )
    const suite = result.suite!
    t.equal(suite.status, 'passed')
    t.same(
      suite.runs.map(run => run.status),
      ['passed', 'passed', 'passed', 'passed', 'passed'],
    )
  })
}
