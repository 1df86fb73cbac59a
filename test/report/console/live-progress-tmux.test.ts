/** On a terminal (a tmux pane) the running step is redrawn in place and erased when it ends; off a terminal it never is. */
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findTool, requireTool } from '../../helpers/system-tool.js'

const MAIN = fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url))
const SEQUENCE = `sequence: live progress
device: simcom-a76xx
steps:
  - no: "1"
    send: AT
    expect: OK
  - no: "2"
    sleep: 4s
  - no: "3"
    send: AT
    expect: OK
`

function writeSequence(dir: string): string {
  const file = join(dir, 'live.yaml')
  writeFileSync(file, SEQUENCE)
  return file
}

async function pollPane(tmux: (...args: string[]) => string, until: (pane: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 60_000
  for (;;) {
    const pane = tmux('capture-pane', '-p', '-t', 'live')
    if (until(pane)) return pane
    if (Date.now() > deadline) throw new Error(`${what} never showed; the pane:\n${pane}`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

t.test('in a tmux pane the running step is redrawn with its elapsed time, then erased', async t => {
  if (!requireTool(t, 'tmux')) return
  const dir = t.testdir({})
  const file = writeSequence(dir)
  // A server of this test's own, on its own socket (short: a socket path has at most ~100 bytes), stopped at the end.
  const socket = join(tmpdir(), `atseq-live-${process.pid}.sock`)
  const tmux = (...args: string[]): string =>
    spawnSync(findTool('tmux') ?? 'tmux', ['-S', socket, ...args], { encoding: 'utf8', timeout: 10_000 }).stdout
  t.teardown(() => {
    tmux('kill-server')
    rmSync(socket, { force: true })
  })
  const command = [process.execPath, MAIN, 'run', '--no-identify', '--no-color', '--format', 'json', '--report-dir', join(dir, 'r'), file]
  tmux('new-session', '-d', '-s', 'live', '-x', '160', '-y', '40', `${command.map(arg => `'${arg}'`).join(' ')}; sleep 60`)
  const first = await pollPane(tmux, pane => /\.\.\. 2 +sleep 4\.0 s · \d/.test(pane), 'the running sleep step')
  const firstElapsed = /sleep 4\.0 s · (\S+ m?s)/.exec(first)?.[1]
  const later = await pollPane(
    tmux,
    pane => /sleep 4\.0 s · (\S+ m?s)/.exec(pane)?.[1] !== firstElapsed,
    'a redraw with a later elapsed time',
  )
  t.equal(later.match(/\.\.\. 2 /g)?.length, 1, 'redrawn on the same line, not appended')
  const done = await pollPane(tmux, pane => /PASSED/.test(pane), 'the summary')
  t.notMatch(done, /\.\.\. /, 'the running line is gone once the steps end')
  t.match(done, /PASS 2 +sleep 4000ms/, 'the finished step has its line')
})

t.test('off a terminal there is one line per step and no redraw', async t => {
  const dir = t.testdir({})
  const run = spawnSync(
    process.execPath,
    [MAIN, 'run', '--no-identify', '--format', 'json', '--report-dir', join(dir, 'r'), writeSequence(dir)],
    { encoding: 'utf8', timeout: 60_000 },
  )
  t.equal(run.status, 0, run.stderr)
  t.notMatch(run.stdout, /\r|\x1b\[2K/, 'no carriage return, no erase')
  t.equal(run.stdout.split('\n').filter(line => /^ {2}PASS /.test(line)).length, 3)
})
