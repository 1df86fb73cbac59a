/** The SMS suite in-process on both SIMCom profiles: every message the sequences send reaches the simulated network. */
import t from 'tap'
import { runSuiteOn } from '../../../helpers/run-suite-on.js'

const SUITE = 'sequences/simcom/sms/'

for (const device of ['sim://simcom-a76xx', 'sim://simcom-sim7600']) {
  t.test(`the suite passes on ${device}`, async t => {
    const suite = await runSuiteOn(t, SUITE, device)
    t.equal(suite.status, 'passed')
    t.same(
      suite.runs.map(run => run.status),
      ['passed', 'passed', 'passed', 'passed', 'passed', 'passed'],
    )
  })
}
