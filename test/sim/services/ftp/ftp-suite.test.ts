/**
 * The FTP(S) suite in-process on both SIMCom profiles: `sim://` runs start the FTP server, map any host's 21 and
 * 990 to it and give its account as vars.
 */
import t from 'tap'
import { runSuiteOn } from '../../../helpers/run-suite-on.js'

const SUITE = 'sequences/simcom/ftp/'

for (const device of ['sim://simcom-a76xx', 'sim://simcom-sim7600']) {
  t.test(`the suite passes on ${device}`, async t => {
    const suite = await runSuiteOn(t, SUITE, device)
    t.same(
      suite.runs.map(run => [run.sequence.file, run.status]),
      [
        [`${SUITE}file-system.yaml`, 'passed'],
        [`${SUITE}ftp-download-to-serial.yaml`, 'passed'],
        [`${SUITE}ftp-file-system.yaml`, 'passed'],
        [`${SUITE}ftp-network-loss.yaml`, 'passed'],
        [`${SUITE}ftp-server-side.yaml`, 'passed'],
        [`${SUITE}ftp-upload-ctrl-z.yaml`, 'passed'],
        [`${SUITE}ftps-upload-from-prompt.yaml`, 'passed'],
      ],
    )
  })
}
