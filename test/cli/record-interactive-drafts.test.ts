import t, { type Test } from 'tap'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { connectPeerToStream, ScriptedPeer } from '../helpers/scripted-peer.js'
import { requireTool } from '../helpers/system-tool.js'

// `atseq record` in a real terminal (tmux) against a scripted modem on 127.0.0.1: the waits it can get stuck in.
const root = fileURLToPath(new URL('../../', import.meta.url))

function tmux(socket: string, ...args: string[]): string {
  return spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', timeout: 10_000 }).stdout
}

async function waitForScreen(socket: string, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  let screen = ''
  while (Date.now() < deadline) {
    screen = tmux(socket, 'capture-pane', '-p', '-J', '-t', 'rec', '-S', '-200')
    if (pattern.test(screen)) return screen
    await delay(100)
  }
  throw new Error(`the screen never showed ${pattern}; it shows:\n${screen}`)
}

/** A modem that never answers AT+CFTPSSTART and reads exactly 4 bytes at the AT+CMQTTTOPIC=0,4 prompt. */
async function startModem(t: Test): Promise<string> {
  const peer = new ScriptedPeer().on('AT\r', '\r\nOK\r\n').on('AT+CMQTTTOPIC=0,4\r', '\r\n>').on(/^abcd/, '\r\nOK\r\n')
  const server = createServer(socket => connectPeerToStream(peer, socket))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>(resolve => server.close(() => resolve())))
  return `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** Starts `atseq record` in tmux; the shell prints `exit=N` and `gone` once the process has ended by itself. */
async function startRecord(t: Test, draft: string, timeout: string): Promise<string> {
  const device = await startModem(t)
  const socket = `atseq-drafts-${process.pid}-${Math.random().toString(36).slice(2, 8)}`
  t.teardown(() => {
    tmux(socket, 'kill-server')
  })
  const atseq = `'${process.execPath}' dist/cli/main.js record --device ${device} --profile simcom-a76xx --timeout ${timeout} -o '${draft}'`
  tmux(socket, 'new-session', '-d', '-s', 'rec', '-x', '160', '-y', '50', `cd '${root}' && ${atseq}; echo "exit=$? gone"; sleep 30`)
  await waitForScreen(socket, /^AT>\s*$/m)
  return socket
}

t.test(
  'interactive: an unanswered command times out visibly; a wrong-length prompt ended with Ctrl-Z; Ctrl-D writes and exits',
  async t => {
    if (!requireTool(t, 'tmux')) return
    const draft = join(t.testdir({}), 'typed.yaml')
    const socket = await startRecord(t, draft, '2s')
    tmux(socket, 'send-keys', '-t', 'rec', 'AT', 'Enter')
    await waitForScreen(socket, /← OK\nAT>\s*$/m)
    tmux(socket, 'send-keys', '-t', 'rec', 'AT+CFTPSSTART', 'Enter')
    tmux(socket, 'send-keys', '-t', 'rec', 'AT', 'Enter')
    await waitForScreen(socket, /\(waiting for the answer to AT\+CFTPSSTART: \d+s of 2s; Ctrl-D writes the draft, Ctrl-C discards\)/)
    await waitForScreen(
      socket,
      /\(AT\+CFTPSSTART: no final result code, timeout after 2\.\ds; the step is kept for review\)\nAT>\s*$/m,
      10_000,
    )
    tmux(socket, 'send-keys', '-t', 'rec', 'C-u', 'AT+CMQTTTOPIC=0,4', 'Enter')
    await waitForScreen(socket, /data>\s*$/m)
    tmux(socket, 'send-keys', '-t', 'rec', 'abcde', 'C-z')
    await waitForScreen(socket, /← OK\nAT>\s*$/m)
    tmux(socket, 'send-keys', '-t', 'rec', 'C-d')
    const ended = await waitForScreen(socket, /exit=\d+ gone/)
    t.match(ended, /wrote .*typed\.yaml \(4 steps\)/)
    t.match(ended, /step 2 \(AT\+CFTPSSTART\): no final result code within 2s; nothing arrived; kept for review/)
    t.match(ended, /exit=1 gone/, 'the process ended by itself once the draft was written')
    const text = readFileSync(draft, 'utf8')
    t.match(text, /# review: .*\n {2}- no: "2"\n {4}send: "AT\+CFTPSSTART"/)
    t.match(text, /data: "abcde"\n {4}end: ctrl-z\n {4}expect: "OK"/)
  },
)

t.test('interactive: Ctrl-D and Ctrl-C during a wait end it at once; Ctrl-D keeps the waiting step', async t => {
  if (!requireTool(t, 'tmux')) return
  const dir = t.testdir({})
  const kept = await startRecord(t, join(dir, 'kept.yaml'), '60s')
  tmux(kept, 'send-keys', '-t', 'rec', 'AT+CFTPSSTART', 'Enter')
  await waitForScreen(kept, /AT\+CFTPSSTART\s*$/m)
  await delay(300)
  tmux(kept, 'send-keys', '-t', 'rec', 'C-d')
  const ended = await waitForScreen(kept, /exit=\d+ gone/, 10_000)
  t.match(ended, /wrote .*kept\.yaml \(1 steps\)/)
  t.match(ended, /cancelled after/)
  t.match(readFileSync(join(dir, 'kept.yaml'), 'utf8'), /send: "AT\+CFTPSSTART"/)

  const discarded = await startRecord(t, join(dir, 'discarded.yaml'), '60s')
  tmux(discarded, 'send-keys', '-t', 'rec', 'AT+CFTPSSTART', 'Enter')
  await waitForScreen(discarded, /AT\+CFTPSSTART\s*$/m)
  tmux(discarded, 'send-keys', '-t', 'rec', 'C-c')
  const gone = await waitForScreen(discarded, /exit=\d+ gone/, 10_000)
  t.match(gone, /ended without writing a draft/)
  t.match(gone, /exit=130 gone/)
})
