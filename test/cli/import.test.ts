import t from 'tap'
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { connectPeerToStream, ScriptedPeer } from '../helpers/scripted-peer.js'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const atseq = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 })
const seed = 'test/fixtures/spec/mqtts-not-verify-server.txt'

t.test('import prints YAML that validates, and warns on rows 3, 8 and 12', async t => {
  const run = atseq('import', seed)
  t.equal(run.status, 0, run.stderr)
  t.match(run.stdout, /^sequence: MQTTS- Not Verify Server$/m)
  t.match(run.stderr, new RegExp(`^${seed}:13:\\d+: warning: row 3: .*\\[non-ascii-command\\]$`, 'm'))
  t.match(run.stderr, new RegExp(`^${seed}:26:1: warning: step 8\\.2: .*\\[prompt-length-mismatch\\]$`, 'm'))
  t.match(run.stderr, new RegExp(`^${seed}:36:1: warning: step 12: .*\\[urc-name-mismatch\\]$`, 'm'))
  const dir = t.testdir({ 'imported.yaml': run.stdout })
  t.equal(atseq('validate', `${dir}/imported.yaml`).status, 0)
})

t.test('import -o writes the file', async t => {
  const dir = t.testdir({})
  const run = atseq('import', seed, '-o', `${dir}/out.yaml`)
  t.equal(run.status, 0)
  t.equal(run.stdout, '')
  t.match(readFileSync(`${dir}/out.yaml`, 'utf8'), /- no: "4\.1"\n\s+send: AT\+CMQTTWILLTOPIC=0,10/)
})

t.test('import of a missing file or a text without a table exits 2', async t => {
  const dir = t.testdir({ 'prose.txt': 'no table here\n' })
  t.match(atseq('import', `${dir}/missing.txt`), { status: 2, stderr: /\[file-not-found\]/ })
  t.match(atseq('import', `${dir}/prose.txt`), { status: 2, stderr: /\[no-table-rows\]/ })
  t.match(atseq('import'), { status: 2, stderr: /missing required argument/ })
})

const specs = 'test/fixtures/specs'

t.test('import --report prints each row and what it became; --device-profile overrides the inferred device', async t => {
  const dir = t.testdir({})
  const run = atseq('import', `${specs}/ftps-get-file.txt`, '-o', `${dir}/ftps.yaml`, '--report', '--device-profile', 'simcom-sim7600')
  t.equal(run.status, 0, run.stderr)
  const report = run.stdout.split('\n').filter(l => l !== '')
  t.equal(report.length, 1 + 12, 'a header and one line per row')
  t.match(report[6], /^13\s+\| \(none\)\s+\| 4b AT\+FSLS\s+\|$/, 'the – row is a step of its own')
  t.match(report[7], /^14\s+\| 5\s+\| 5 AT\+FSCD=C:\/; 5a AT\+FSLS=2\s+\| imported: the command cell holds 2 commands/)
  t.match(readFileSync(`${dir}/ftps.yaml`, 'utf8'), /^device: simcom-sim7600$/m)
  t.match(run.stderr, /\[unknown-command\]/)
  t.match(atseq('import', `${specs}/ftps-get-file.txt`, '--device-profile', 'nokia'), { status: 2, stderr: /\[unknown-device-profile\]/ })
})

/** The modem of mqtt-receive.txt: a SIMCom that prompts with a bare `\r\n>`, scripted "when you receive X reply Y". */
function scriptSimcomPeer(): ScriptedPeer {
  const ok = '\r\nOK\r\n'
  const rx = '\r\n+CMQTTRXSTART: 0,9,5\r\n+CMQTTRXTOPIC: 0,9\r\nHi,모모\r\n+CMQTTRXPAYLOAD: 0,5\r\nhello\r\n+CMQTTRXEND: 0\r\n'
  return new ScriptedPeer()
    .on('AT+CMQTTSTART\r', `${ok}\r\n+CMQTTSTART: 0\r\n`)
    .on('AT+CMQTTACCQ=0,"client test0"\r', ok)
    .on('AT+CMQTTCONNECT=0,"tcp://127.0.0.1:1883",60,1\r', `${ok}\r\n+CMQTTCONNECT: 0,0\r\n`)
    .on(/AT\+CMQTT(TOPIC|PAYLOAD)=0,\d\r|AT\+CMGS="\+8210123"\r/, '\r\n>')
    .on('Hi,모모', ok)
    .on('hello', ok)
    .on('AT+CMQTTPUB=0,1,60\r', `${ok}\r\n+CMQTTPUB: 0,0\r\n${rx}`)
    .on('hi, momo\x1a', '\r\n+CMGS: 12\r\n\r\nOK\r\n')
    .on(/one\r\ntwo\x1a|bye\x1a|never\x1b/, ok)
    .on('AT+CMQTTDISC=0,120\r', `${ok}\r\n+CMQTTDISC: 0,0\r\n`)
}

t.test('an imported SIMCom draft runs on a scripted tcp:// modem: its bare > prompts are recognised with no hand-added device', async t => {
  const dir = t.testdir({})
  const imported = atseq('import', `${specs}/mqtt-receive.txt`, '-o', `${dir}/receive.yaml`)
  t.equal(imported.status, 0, imported.stderr)
  t.notMatch(imported.stderr, /warning/, 'the table imports clean')
  const peer = scriptSimcomPeer()
  const server = createServer(socket => connectPeerToStream(peer, socket))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>(resolve => server.close(() => resolve())))
  const { port } = server.address() as AddressInfo
  const args = ['run', '--no-identify', '--device', `tcp://127.0.0.1:${port}`, '--report-dir', `${dir}/reports`, '--format', 'json']
  const run = await spawnAtseq([...args, `${dir}/receive.yaml`])
  t.equal(run.status, 0, `${run.stdout}\n${run.stderr}`)
  t.match(run.stdout, /PASSED — 17 passed, 0 failed/)
})

/** Runs the CLI without blocking this process, so the scripted modem in it can answer. */
function spawnAtseq(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, timeout: 60_000 })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('close', status => resolve({ status, stdout, stderr }))
  })
}
