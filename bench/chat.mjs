// Chat engine against its floors, each over the same link and the same instant peer, in interleaved rounds:
//  - pty: atseq's chat (`serial://` on one end of a socat pty pair) vs a blocking write/read loop in a fresh node
//    process on the same pty; ratio = raw ms per round trip / atseq ms per round trip (1 = as fast as the floor);
//  - tcp: atseq's chat (`tcp://127.0.0.1`) vs a raw socket loop in this process against the same peer;
//  - pppd's chat: per round trip after its start-up, from one script of N and one of 2N round trips:
//    (time(2N) - time(N)) / N, so process start-up and the opening of the pty cancel out.
// The peers run in their own processes (bench/peers/). Needs socat and, for the last row, pppd's chat.
// Options: --round-trips=<n> per round (default 2000), --chat-round-trips=<N> (default 50), --rounds=<n> (default 5),
// --json.
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { createChat } from '../dist/at/chat.js'
import { resolveModemFamily } from '../dist/modem/families/index.js'
import { openTransport } from '../dist/transport/open-transport.js'
import { Table, finish, interleave, pairRatios, parseArgs } from './harness.mjs'

const args = parseArgs()
const ROUND_TRIPS = Number(args['round-trips'] ?? 2000)
const ROUNDS = Number(args.rounds ?? 5)
const TARGET = { atLeast: 0.6 }
const profile = resolveModemFamily('simcom-a76xx').chatProfile
const peer = name => fileURLToPath(new URL(`peers/${name}`, import.meta.url))

/** Starts a child and resolves once it printed its first line (its "ready" or its port). */
function startChild(command, argv) {
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] })
  const firstLine = new Promise((resolve, reject) => {
    let stderr = ''
    child.stderr.on('data', chunk => (stderr += chunk))
    child.stdout.once('data', chunk => resolve(String(chunk).trim()))
    child.once('exit', code => reject(new Error(`${command} exited ${code}: ${stderr}`)))
  })
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise(resolve => child.once('exit', resolve))
    child.kill()
    await exited
  }
  return { firstLine, stop }
}

async function startPtyPair(dir) {
  const host = join(dir, 'host')
  const modem = join(dir, 'modem')
  const socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${modem}`], {
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
  const answer = startChild(process.execPath, [peer('pty-answer.mjs'), modem])
  await answer.firstLine
  const stop = async () => {
    await answer.stop()
    const exited = new Promise(resolve => socat.once('exit', resolve))
    socat.kill()
    await exited
  }
  return { host, stop }
}

/** Milliseconds per `AT` -> `OK` of atseq's chat over `url`, after a warm-up on the same connection. */
async function timeAtseqChat(url, count) {
  const transport = await openTransport(url)
  const chat = createChat(transport, { profile, transcript: () => {} })
  try {
    const exchange = async () => {
      const result = await chat.command('AT', { timeoutMs: 5000 })
      if (result.outcome !== 'final') throw new Error(`unexpected outcome ${result.outcome}: ${result.cause}`)
    }
    for (let i = 0; i < 200; i++) await exchange()
    const started = performance.now()
    for (let i = 0; i < count; i++) await exchange()
    return (performance.now() - started) / count
  } finally {
    chat.detach()
    await transport.close()
  }
}

function timeRawPtyLoop(host, count) {
  const out = spawnSync(process.execPath, [peer('raw-pty-loop.mjs'), host, String(count)], { encoding: 'utf8', timeout: 60_000 })
  if (out.status !== 0) throw new Error(`raw loop failed: ${out.stderr}`)
  return Number(out.stdout.trim())
}

/** Milliseconds per round trip of a plain socket: write `AT\r`, wait for the data that ends in `OK\r\n`. */
async function timeRawSocketLoop(port, count) {
  const socket = connect({ host: '127.0.0.1', port, noDelay: true })
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject))
  let text = ''
  let wake = () => {}
  socket.on('data', chunk => {
    text += chunk.toString('latin1')
    if (text.endsWith('OK\r\n')) wake()
  })
  const roundTrip = () =>
    new Promise(resolve => {
      text = ''
      wake = resolve
      socket.write('AT\r')
    })
  for (let i = 0; i < 200; i++) await roundTrip()
  const started = performance.now()
  for (let i = 0; i < count; i++) await roundTrip()
  const ms = (performance.now() - started) / count
  socket.destroy()
  return ms
}

function findPppChat() {
  return ['/usr/sbin/chat', '/sbin/chat', '/usr/bin/chat'].find(path => existsSync(path))
}

function timePppChatScript(chatPath, host, dir, roundTrips) {
  const script = join(dir, `chat-${roundTrips}`)
  writeFileSync(script, `'' AT\n${'OK AT\n'.repeat(roundTrips - 1)}OK ''\n`)
  const fd = openSync(host, 'r+')
  try {
    const started = performance.now()
    const out = spawnSync(chatPath, ['-t', '5', '-f', script], { stdio: [fd, fd, 'pipe'] })
    if (out.status !== 0) throw new Error(`chat exited ${out.status}: ${out.stderr}`)
    return performance.now() - started
  } finally {
    closeSync(fd)
  }
}

async function comparePty(table, dir) {
  const pty = await startPtyPair(dir)
  try {
    const url = `serial://${pty.host}?baud=115200`
    const samples = await interleave({
      rounds: ROUNDS,
      sides: [
        { label: 'atseq', run: () => timeAtseqChat(url, ROUND_TRIPS) },
        { label: 'raw', run: () => timeRawPtyLoop(pty.host, ROUND_TRIPS) },
      ],
    })
    table.ratio({
      name: 'pty: raw loop ms / atseq ms per round trip',
      a: { label: 'atseq', values: samples.atseq, unit: 'ms' },
      b: { label: 'raw', values: samples.raw, unit: 'ms' },
      ratios: pairRatios(samples.atseq, samples.raw, (atseq, raw) => raw / atseq),
      target: TARGET,
    })
    const chatPath = findPppChat()
    if (chatPath === undefined) table.skip({ name: 'pppd chat / atseq', why: 'no pppd chat' })
    else await comparePppChat(table, chatPath, url, pty.host, dir)
  } finally {
    await pty.stop()
  }
}

async function comparePppChat(table, chatPath, url, host, dir) {
  const n = Number(args['chat-round-trips'] ?? 50)
  const samples = await interleave({
    rounds: ROUNDS,
    sides: [
      { label: 'atseq', run: () => timeAtseqChat(url, n) },
      {
        label: 'chat',
        run: () => (timePppChatScript(chatPath, host, dir, 2 * n) - timePppChatScript(chatPath, host, dir, n)) / n,
      },
    ],
  })
  table.ratio({
    name: `pty: pppd chat ms / atseq ms (after start-up)`,
    a: { label: 'atseq', values: samples.atseq, unit: 'ms' },
    b: { label: 'chat', values: samples.chat, unit: 'ms' },
    ratios: pairRatios(samples.atseq, samples.chat, (atseq, chat) => chat / atseq),
    target: TARGET,
    note: `(time of ${2 * n} - time of ${n} round trips) / ${n}`,
  })
}

async function compareTcp(table) {
  const answer = startChild(process.execPath, [peer('tcp-answer.mjs')])
  const port = Number(await answer.firstLine)
  try {
    const samples = await interleave({
      rounds: ROUNDS,
      sides: [
        { label: 'atseq', run: () => timeAtseqChat(`tcp://127.0.0.1:${port}`, ROUND_TRIPS) },
        { label: 'raw', run: () => timeRawSocketLoop(port, ROUND_TRIPS) },
      ],
    })
    table.ratio({
      name: 'tcp: raw socket ms / atseq ms per round trip',
      a: { label: 'atseq', values: samples.atseq, unit: 'ms' },
      b: { label: 'raw', values: samples.raw, unit: 'ms' },
      ratios: pairRatios(samples.atseq, samples.raw, (atseq, raw) => raw / atseq),
      target: TARGET,
    })
  } finally {
    await answer.stop()
  }
}

const table = new Table(`chat: AT -> OK against an instant peer, ${ROUND_TRIPS} round trips per round, ${ROUNDS} interleaved rounds`)
const dir = mkdtempSync(join(tmpdir(), 'atseq-bench-chat-'))
try {
  if (spawnSync('socat', ['-V']).error) table.skip({ name: 'pty: raw loop and pppd chat / atseq', why: 'no socat' })
  else await comparePty(table, dir)
  await compareTcp(table)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
finish(table, args)
