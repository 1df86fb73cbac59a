#!/usr/bin/env node
// Chat engine benchmark (issue 4). Prints, in one run:
//  1. engine overhead per command on the in-process (sim://) transport: chat.command('AT') minus a bare
//     write -> data round trip on the same transport and peer;
//  2. round trips per second (AT -> OK) over a socat pty pair against a peer that answers at once,
//     for atseq, a minimal raw loop in Python on the same kind of pty pair, and pppd's `chat`,
//     with the ratios atseq/raw and atseq/chat.
// Needs `npx tsc -p .` first (it imports dist/), and socat, python3 and /usr/sbin/chat for part 2.
// The machine is shared and noisy, so the pty measurements alternate (atseq, raw, atseq, raw...) for
// --rounds rounds and report each one's best round: the rate it can reach, measured under the same load.
// Options: --seconds=<s> per round (default 1), --rounds=<n> (default 3), --json.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, openSync, closeSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createChat } from '../dist/at/chat.js'
import { simcomA76xxProfile } from '../dist/at/chat-profile.js'
import { openTransport } from '../dist/transport/open-transport.js'

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .map(arg => arg.replace(/^--/, '').split('='))
    .map(([k, v]) => [k, v ?? true]),
)
const seconds = Number(args.seconds ?? 1)
const rounds = Number(args.rounds ?? 3)
const results = {}

// ---------- 1. in-process overhead ----------

/** A modem that answers every CR at once with OK. */
function instantPeer() {
  let send
  return {
    attach(sendToHost) {
      send = sendToHost
    },
    receive(bytes) {
      for (const byte of bytes) if (byte === 0x0d) send(Buffer.from('\r\nOK\r\n'))
    },
    async detach() {},
  }
}

async function measureInProcess(count) {
  const transport = await openTransport('sim://bench', { simPeer: () => instantPeer() })
  // Bare round trip: one write, wait for the data event that carries the OK.
  let onData = () => {}
  transport.on('data', chunk => onData(chunk))
  const command = Buffer.from('AT\r')
  const bare = async () => {
    const answered = new Promise(resolve => {
      onData = resolve
    })
    await transport.write(command)
    await answered
  }
  for (let i = 0; i < 2000; i++) await bare()
  let start = performance.now()
  for (let i = 0; i < count; i++) await bare()
  const bareMs = (performance.now() - start) / count
  onData = () => {}

  const chat = createChat(transport, { profile: simcomA76xxProfile, transcript: () => {} })
  for (let i = 0; i < 2000; i++) await chat.command('AT', { timeoutMs: 5000 })
  start = performance.now()
  for (let i = 0; i < count; i++) {
    const exchange = await chat.command('AT', { timeoutMs: 5000 })
    if (exchange.outcome !== 'final') throw new Error(`unexpected outcome ${exchange.outcome}`)
  }
  const chatMs = (performance.now() - start) / count
  chat.detach()
  await transport.close()
  return { commands: count, bareRoundTripMs: bareMs, chatCommandMs: chatMs, engineOverheadMs: chatMs - bareMs }
}

// ---------- 2. pty round trips ----------

const responderPy = `
import os, sys, tty
fd = os.open(sys.argv[1], os.O_RDWR | os.O_NOCTTY)
tty.setraw(fd)
print('ready', flush=True)
while True:
    try:
        data = os.read(fd, 4096)
    except OSError:
        break
    if not data:
        break
    n = data.count(b'\\r')
    if n:
        os.write(fd, b'\\r\\nOK\\r\\n' * n)
`

const rawLoopPy = `
import os, sys, time, tty
fd = os.open(sys.argv[1], os.O_RDWR | os.O_NOCTTY)
tty.setraw(fd)
seconds = float(sys.argv[2])
count = 0
start = time.perf_counter()
while time.perf_counter() - start < seconds:
    os.write(fd, b'AT\\r')
    buf = b''
    while not buf.endswith(b'OK\\r\\n'):
        buf += os.read(fd, 4096)
    count += 1
print(count / (time.perf_counter() - start))
`

function findExecutable(name, dirs = (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin'])) {
  for (const dir of dirs) {
    const path = join(dir, name)
    if (spawnSync('test', ['-x', path]).status === 0) return path
  }
  return undefined
}

async function startPtyPair(dir) {
  const hostPath = join(dir, 'host')
  const modemPath = join(dir, 'modem')
  const socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${modemPath}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  await new Promise((resolve, reject) => {
    let stderr = ''
    socat.stderr.on('data', chunk => {
      stderr += chunk
      if (stderr.includes('starting data transfer loop')) resolve()
    })
    socat.once('exit', code => reject(new Error(`socat exited ${code}: ${stderr}`)))
  })
  // setraw flushes pending input, so nothing may be sent before the responder says it is ready.
  const responder = spawn('python3', ['-c', responderPy, modemPath], { stdio: ['ignore', 'pipe', 'ignore'] })
  await new Promise((resolve, reject) => {
    responder.stdout.once('data', resolve)
    responder.once('exit', code => reject(new Error(`responder exited ${code}`)))
  })
  const stop = async () => {
    for (const child of [responder, socat]) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise(resolve => child.once('exit', resolve))
        child.kill()
        await exited
      }
    }
  }
  return { hostPath, stop }
}

async function openAtseqChat(hostPath) {
  const transport = await openTransport(`serial://${hostPath}?baud=115200`)
  const chat = createChat(transport, { profile: simcomA76xxProfile, transcript: () => {} })
  for (let i = 0; i < 200; i++) {
    const warmUp = await chat.command('AT', { timeoutMs: 5000 })
    if (warmUp.outcome !== 'final') throw new Error(`warm-up: ${warmUp.outcome}: ${warmUp.cause}`)
  }
  return {
    chat,
    close: async () => {
      chat.detach()
      await transport.close()
    },
  }
}

async function measureAtseqPty(chat) {
  let count = 0
  const start = performance.now()
  while (performance.now() - start < seconds * 1000) {
    const exchange = await chat.command('AT', { timeoutMs: 5000 })
    if (exchange.outcome !== 'final') throw new Error(`unexpected outcome ${exchange.outcome}: ${exchange.cause}`)
    count++
  }
  return count / ((performance.now() - start) / 1000)
}

function measureRawLoop(hostPath) {
  const out = spawnSync('python3', ['-c', rawLoopPy, hostPath, String(seconds)], { encoding: 'utf8' })
  if (out.status !== 0) throw new Error(`raw loop failed: ${out.stderr}`)
  return Number(out.stdout.trim())
}

function measurePppChat(chatPath, hostPath, dir, roundTrips) {
  const script = join(dir, 'chat-script')
  writeFileSync(script, `'' AT\n${'OK AT\n'.repeat(roundTrips - 1)}OK ''\n`)
  const fd = openSync(hostPath, 'r+')
  try {
    const start = performance.now()
    const out = spawnSync(chatPath, ['-t', '5', '-f', script], { stdio: [fd, fd, 'pipe'] })
    const elapsedS = (performance.now() - start) / 1000
    if (out.status !== 0) throw new Error(`chat exited ${out.status}: ${out.stderr}`)
    return roundTrips / elapsedS
  } finally {
    closeSync(fd)
  }
}

async function measurePty() {
  const missing = ['socat', 'python3'].filter(tool => findExecutable(tool) === undefined)
  if (missing.length > 0) return { skipped: `missing: ${missing.join(', ')}` }
  const dir = mkdtempSync(join(tmpdir(), 'atseq-bench-'))
  const out = {}
  try {
    const pty = await startPtyPair(dir)
    out.atseqRounds = []
    out.rawLoopRounds = []
    for (let round = 0; round < rounds; round++) {
      // The raw loop opens the same pty while atseq has it closed (atseq locks the port it opens).
      const atseq = await openAtseqChat(pty.hostPath)
      out.atseqRounds.push(await measureAtseqPty(atseq.chat))
      await atseq.close()
      out.rawLoopRounds.push(measureRawLoop(pty.hostPath))
    }
    out.atseqPerS = Math.max(...out.atseqRounds)
    out.rawLoopPerS = Math.max(...out.rawLoopRounds)
    const chatPath = findExecutable('chat', ['/usr/sbin', '/sbin', '/usr/bin'])
    if (chatPath !== undefined) out.pppChatPerS = measurePppChat(chatPath, pty.hostPath, dir, 40)
    else out.pppChat = 'skipped: /usr/sbin/chat missing (apt-get install ppp)'
    await pty.stop()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  out.ratioAtseqToRaw = out.atseqPerS / out.rawLoopPerS
  if (out.pppChatPerS !== undefined) out.ratioAtseqToPppChat = out.atseqPerS / out.pppChatPerS
  return out
}

results.inProcess = await measureInProcess(Number(args.commands ?? 20000))
results.pty = await measurePty()

if (args.json) {
  console.log(JSON.stringify(results, null, 2))
} else {
  const ip = results.inProcess
  const f = (n, d = 3) => n.toFixed(d)
  console.log('atseq chat benchmark')
  console.log(`in-process (sim://), ${ip.commands} commands:`)
  console.log(`  bare write->data round trip   ${f(ip.bareRoundTripMs, 4)} ms`)
  console.log(`  chat.command('AT') -> OK      ${f(ip.chatCommandMs, 4)} ms`)
  console.log(`  engine overhead per command   ${f(ip.engineOverheadMs, 4)} ms   (target < 0.2 ms)`)
  const p = results.pty
  if (p.skipped) {
    console.log(`pty round trips: skipped (${p.skipped})`)
  } else {
    const all = rates => rates.map(rate => f(rate, 0)).join(', ')
    console.log(`socat pty pair, AT -> OK against an instant peer (best of ${rounds} alternating rounds of ${seconds} s):`)
    console.log(`  atseq chat        ${f(p.atseqPerS, 0)} round trips/s   (rounds: ${all(p.atseqRounds)})`)
    console.log(`  raw loop (Python) ${f(p.rawLoopPerS, 0)} round trips/s   (rounds: ${all(p.rawLoopRounds)})`)
    console.log(`  pppd chat         ${p.pppChatPerS === undefined ? p.pppChat : `${f(p.pppChatPerS, 1)} round trips/s`}`)
    console.log(`  ratio atseq/raw   ${f(p.ratioAtseqToRaw, 2)}   (target >= 0.5)`)
    if (p.ratioAtseqToPppChat !== undefined) console.log(`  ratio atseq/chat  ${f(p.ratioAtseqToPppChat, 1)}`)
  }
}
