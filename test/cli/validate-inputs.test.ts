/** `validate` knows which names a run can fill (`--var`, `--var-file`, a suite's vars, the sim session's), and `run` refuses an input with no value. */
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { EXIT } from '../../src/model/exit-code.js'

// Runs the built CLI (run `npm run build` first).
const root = fileURLToPath(new URL('../../', import.meta.url))
const atseq = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 })

const USES_APN = 'sequence: apn\nsteps:\n  - send: AT+CGDCONT=1,"IP","{{apn}}"\n    expect: OK\n'

t.test('a name nothing gives is a located error; --var and --var-file give it, parsed as run parses them', async t => {
  const dir = t.testdir({ 'apn.yaml': USES_APN, 'apn.txt': 'internet' })
  const bare = atseq('validate', `${dir}/apn.yaml`)
  t.equal(bare.status, EXIT.invalidInput)
  t.match(bare.stderr, /apn\.yaml:3:30: error: .*'apn'.* \[undefined-variable\]/)
  t.match(bare.stdout, /validated 1 file: 1 error/)
  t.equal(atseq('validate', '--var', 'apn=internet', `${dir}/apn.yaml`).status, EXIT.passed)
  t.equal(atseq('validate', '--var-file', `apn=${dir}/apn.txt`, `${dir}/apn.yaml`).status, EXIT.passed)
  t.match(atseq('validate', '--var', 'apn', `${dir}/apn.yaml`), { status: EXIT.invalidInput, stderr: /expected name=value/ })
  t.match(atseq('validate', '--var-file', `apn=${dir}/none.txt`, `${dir}/apn.yaml`), {
    status: EXIT.invalidInput,
    stderr: /--var-file.*cannot use .*none\.txt/,
  })
})

t.test("a declared input, the sim session's names and env. need no value at validate time", async t => {
  const dir = t.testdir({
    'a.yaml':
      'sequence: a\ninputs: [{ name: apn, description: the SIM\'s APN }]\nsteps:\n  - send: AT+X="{{apn}}","{{echo_server_host}}","{{env.NOPE_NOT_SET}}"\n',
  })
  const run = atseq('validate', `${dir}/a.yaml`)
  t.equal(run.status, EXIT.passed, run.stderr)
})

t.test("a suite's vars give names to the files it runs, when the folder is validated", async t => {
  const dir = t.testdir({
    lab: { 'suite.yaml': 'suite: lab\nsequences: ["*.yaml"]\nvars: { apn: internet }\n', 'apn.yaml': USES_APN },
  })
  const folder = atseq('validate', `${dir}/lab`)
  t.equal(folder.status, EXIT.passed, folder.stderr)
  t.match(folder.stdout, /validated 2 files: no problems/)
  t.match(atseq('validate', `${dir}/lab/apn.yaml`), { status: EXIT.invalidInput, stderr: /\[undefined-variable\]/ })
})

t.test('run refuses an input with no value before it opens the device, naming it', async t => {
  const dir = t.testdir({
    'pin.yaml': 'sequence: pin\ninputs: [{ name: pin, description: SIM PIN }]\nsteps:\n  - send: AT+CPIN="{{pin}}"\n    expect: OK\n',
  })
  const device = `${dir}/no-such-port`
  const refused = atseq('run', '--device', device, '--report-dir', `${dir}/reports`, `${dir}/pin.yaml`)
  t.equal(refused.status, EXIT.invalidInput, refused.stderr)
  t.match(refused.stderr, /pin\.yaml:2:10: error: input 'pin' \(SIM PIN\) has no value.*\[missing-input\]/)
  const given = atseq('run', '--device', device, '--var', 'pin=1234', '--report-dir', `${dir}/reports`, `${dir}/pin.yaml`)
  t.equal(given.status, EXIT.infrastructure, 'with a value the run goes on to open the (missing) device')
  t.notMatch(given.stderr, /missing-input/)
})
