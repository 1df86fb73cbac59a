/** The Quectel SMS suite in-process on both Quectel profiles. */
import t from 'tap'
import { runSuiteOn } from '../../../helpers/run-suite-on.js'

const SUITE = 'sequences/quectel/sms/'

for (const device of ['sim://quectel-bg96', 'sim://quectel-eg25']) {
  t.test(`the suite passes on ${device}`, async t => {
    const suite = await runSuiteOn(t, SUITE, device)
    t.equal(suite.status, 'passed')
    t.same(
      suite.runs.map(run => run.status),
      ['passed', 'passed', 'passed', 'passed', 'passed', 'passed'],
    )
  })
}
