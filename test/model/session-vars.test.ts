/** The names validate counts as given for a `sim://` run are exactly the vars a `sim://` session gives. */
import t from 'tap'
import { openDeviceSession } from '../../src/app/device-session.js'
import { SIM_SESSION_VAR_NAMES } from '../../src/model/session-vars.js'
import { Masker } from '../../src/record/masker.js'
import { Recorder } from '../../src/record/recorder.js'

t.test("SIM_SESSION_VAR_NAMES lists the sim session's vars, no more and no fewer", async t => {
  const recorder = new Recorder({
    header: {
      atseqVersion: 'test',
      sequence: { name: 's', file: 's.yaml', sha256: '', tags: [] },
      device: { url: 'sim://simcom-a76xx', settings: {}, identity: {} },
      commandLine: [],
    },
    masker: new Masker(),
  })
  const session = await openDeviceSession({ url: 'sim://simcom-a76xx', resolve: [], recorder })
  t.teardown(() => session.close())
  t.same(Object.keys(session.vars).sort(), [...SIM_SESSION_VAR_NAMES].sort())
})
