import t, { type Test } from 'tap'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { connectPeerToStream, ScriptedPeer } from '../helpers/scripted-peer.js'

// Runs the built CLI against a scripted SIMCom-like modem on 127.0.0.1 (it must not block this process: the modem answers from here).
const root = fileURLToPath(new URL('../../', import.meta.url))

function runAtseq(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now()
  return new Promise(resolve => {
    const child = spawn(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, timeout: 60_000 })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('close', status => resolve({ status, stdout, stderr, ms: Date.now() - started }))
  })
}

/** A modem that never answers AT+CFTPSSTART and reads exactly 4 bytes at the AT+CMQTTTOPIC=0,4 prompt. */
async function startModem(t: Test): Promise<string> {
  const peer = new ScriptedPeer()
    .on('AT\r', '\r\nOK\r\n')
    .on('AT+CMQTTTOPIC=0,4\r', '\r\n>')
    .on(/^abcd/, '\r\nOK\r\n')
    .on('AT+CSQ\r', '\r\n+CSQ: 20,99\r\n\r\nOK\r\n')
  const server = createServer(socket => connectPeerToStream(peer, socket))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>(resolve => server.close(() => resolve())))
  return `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`
}

t.test('record --script: an unanswered command and a wrong-length prompt ended with Ctrl-Z are kept and flagged', async t => {
  const device = await startModem(t)
  const dir = t.testdir({ 'commands.txt': 'AT\nAT+CFTPSSTART\nAT+CMQTTTOPIC=0,4\n>abcde<ctrl-z>\nAT+CSQ\n' })
  const draft = join(dir, 'draft.yaml')
  const args = ['record', '--device', device, '--profile', 'simcom-a76xx', '--timeout', '1s', '--urc-timeout', '1s']
  const run = await runAtseq([...args, '--script', join(dir, 'commands.txt'), '-o', draft])
  t.equal(run.status, 1, `not a silent exit 0: ${run.stderr}`)
  t.ok(run.ms < 30_000, `bounded: ${run.ms} ms`)
  t.match(run.stdout, /\(5 steps\)/)
  t.match(run.stderr, /atseq record: step 2 \(AT\+CFTPSSTART\): no final result code within 1(\.\d+)?s; nothing arrived; kept for review/)
  t.match(run.stderr, /\[prompt-length-mismatch\]/, 'the data the modem cut short is flagged')
  const text = readFileSync(draft, 'utf8')
  t.match(text, /# review: no final result code within .*\n {2}- no: "2"\n {4}send: "AT\+CFTPSSTART"\n {4}description: "review: /)
  t.match(text, /- no: "3\.2"\n {4}data: "abcde"\n {4}end: ctrl-z\n {4}expect: "OK"/, 'recorded as the modem handled it')
  t.match(text, /send: "AT\+CSQ"/, 'the session went on after the unanswered command')
})
