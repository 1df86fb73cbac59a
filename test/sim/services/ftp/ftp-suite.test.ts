/**
 * The FTP(S) suite in-process on both SIMCom profiles: `sim://` runs start the FTP server, map any host's 21 and
 * 990 to it and give its account as vars.
 */
import { join } from 'node:path'
import t from 'tap'
import { runFiles } from '../../../../src/app/run-files.js'
import { filesRunOptions } from '../../../helpers/run-options.js'

const SUITE = 'sequences/simcom/ftp/'

for (const device of ['sim://simcom-a76xx', 'sim://simcom-sim7600']) {
  t.test(`the suite passes on ${device}`, async t => {
    const dir = t.testdir({})
    const result = await runFiles(
      [SUITE],
      filesRunOptions(join(dir, 'reports'), text => t.comment(text), { devices: [device], commandLine: ['atseq', 'run', SUITE] }),
    )
    const suite = result.suite!
    t.same(
      suite.runs.map(run => [run.sequence.file, run.status]),
      [
        [`${SUITE}file-system.yaml`, 'passed'],
        [`${SUITE}ftp-download-to-serial.yaml`, 'passed'],
        [`${SUITE}ftp-file-system.yaml`, 'passed'],
        [`${SUITE}ftp-server-side.yaml`, 'passed'],
        [`${SUITE}ftps-upload-from-prompt.yaml`, 'passed'],
      ],
    )
  })
}
