import t from 'tap'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { requireTool } from '../helpers/system-tool.js'

// The interactive mode in a real terminal: tmux runs `atseq record` (built in dist/), keys are sent, the screen is read.
const root = fileURLToPath(new URL('../../', import.meta.url))

function tmux(socket: string, ...args: string[]): string {
  const result = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', timeout: 10_000 })
  return result.stdout
}

/** Reads the screen until `pattern` shows, for at most `timeoutMs`. */
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

t.test('interactive record in tmux: a command and its answer, a > prompt with data, history, and :end writes the draft', async t => {
  if (!requireTool(t, 'tmux')) return
  const dir = t.testdir({})
  const draft = join(dir, 'typed.yaml')
  const socket = `atseq-record-${process.pid}`
  t.teardown(() => {
    tmux(socket, 'kill-server')
  })
  const command = `cd '${root}' && '${process.execPath}' dist/cli/main.js record --device sim://simcom-a76xx -o '${draft}'; echo "exit=$?"; sleep 30`
  tmux(socket, 'new-session', '-d', '-s', 'rec', '-x', '150', '-y', '50', command)
  await waitForScreen(socket, /^AT>\s*$/m)

  tmux(socket, 'send-keys', '-t', 'rec', 'ATI', 'Enter')
  const answered = await waitForScreen(socket, /← OK/)
  t.match(answered, /\[\s*\d+\.\d{3}\] ← Model: A7670E-LASE/, 'the answer shows, timestamped')

  tmux(socket, 'send-keys', '-t', 'rec', 'AT+CMQTTSTART', 'Enter')
  await waitForScreen(socket, /⇠ \+CMQTTSTART: 0/)
  tmux(socket, 'send-keys', '-t', 'rec', 'AT+CMQTTACCQ=0,"c1"', 'Enter')
  await waitForScreen(socket, /ACCQ=0,"c1"\n.*← OK/)
  tmux(socket, 'send-keys', '-t', 'rec', 'AT+CMQTTTOPIC=0,5', 'Enter')
  await waitForScreen(socket, /← >\ndata>\s*$/m)
  tmux(socket, 'send-keys', '-t', 'rec', 'hello', 'Enter')
  await waitForScreen(socket, /data> hello\n.*← OK\nAT>\s*$/m)

  tmux(socket, 'send-keys', '-t', 'rec', 'Up', 'Up')
  await waitForScreen(socket, /AT> AT\+CMQTTTOPIC=0,5$/m)
  tmux(socket, 'send-keys', '-t', 'rec', 'C-u', ':end', 'Enter')
  const ended = await waitForScreen(socket, /exit=\d+/)
  t.match(ended, /wrote .*typed\.yaml \(5 steps\)/)
  t.match(ended, /exit=0/)

  t.ok(existsSync(draft))
  const text = readFileSync(draft, 'utf8')
  t.match(text, /send: "ATI"\n\s+expect: \[.*'\/\^IMEI: \\d\{15\}\$\/'.*"OK"\]/)
  t.notMatch(text, /864000000000005/)
  t.match(text, /send: "AT\+CMQTTSTART"\n\s+expect: "OK"\n\s+urc: "\+CMQTTSTART: 0"/)
  t.match(text, /- no: "4\.1"\n\s+send: "AT\+CMQTTTOPIC=0,5"\n\s+expect: ">"\n\s+- no: "4\.2"\n\s+data: "hello"\n\s+expect: "OK"/)
})
