/** The Quectel TCP/IP suite in-process on both Quectel profiles, against the echo server a `sim://` run starts. */
import t from 'tap'
import { runSuiteOn } from '../../../helpers/run-suite-on.js'

const SUITE = 'sequences/quectel/tcpip/'

for (const device of ['sim://quectel-bg96', 'sim://quectel-eg25']) {
  t.test(`the suite passes on ${device}`, async t => {
    const suite = await runSuiteOn(t, SUITE, device)
    const problems = suite.runs.filter(run => run.status !== 'passed').map(run => run.sequence.file)
    t.equal(suite.status, 'passed', problems.join(', '))
    t.same(suite.runs.map(run => run.sequence.file.replace(/^.*\//, '')).sort(), [
      'tcp-buffer-mode.yaml',
      'tcp-echo.yaml',
      'udp-echo.yaml',
      'wrong-state.yaml',
    ])
    const sendOk = suite.runs.flatMap(run => run.record?.steps ?? []).filter(step => step.no === '6.2' && step.status === 'passed')
    t.ok(sendOk.length > 0, 'the data step that expects SEND OK as its final passed')
  })
}
