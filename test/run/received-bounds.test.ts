/**
 * Received data is bounded: a real `atseq run` against a loopback modem that floods (a line with no
 * end, then a stream of URC lines) fails the step with `too-much-data`, keeps its peak memory
 * bounded and still writes every report.
 */
import t, { type Test } from 'tap'
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Socket } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RunRecord } from '../../src/model/run-record.js'

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url))
const MIB = 1024 * 1024
/** Peak resident memory the child may reach; without the bounds it grew to gigabytes. */
const PEAK_RSS_LIMIT_KIB = 400 * 1024

/** A loopback modem that answers `AT+FLOOD` with `first` and then `totalBytes` of `unit`, honouring backpressure. */
async function serveFlood(t: Test, first: string, unit: string, totalBytes: number): Promise<number> {
  const sockets = new Set<Socket>()
  const server = createServer(socket => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    let inbox = ''
    socket.on('data', chunk => {
      inbox += chunk.toString('latin1')
      if (!inbox.includes('AT+FLOOD\r')) return
      inbox = ''
      socket.write(first)
      void flood(socket, Buffer.from(unit.repeat(Math.ceil(65536 / unit.length)), 'latin1'), totalBytes)
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => {
    for (const socket of sockets) socket.destroy()
    server.close()
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no TCP port')
  return address.port
}

async function flood(socket: Socket, block: Buffer, totalBytes: number): Promise<void> {
  for (let sent = 0; sent < totalBytes && !socket.destroyed; sent += block.length) {
    if (!socket.write(block)) await new Promise(resolve => socket.once('drain', resolve).once('close', resolve))
  }
}

/** Runs `atseq run` and polls the child's VmHWM (peak RSS, KiB) until it exits. */
async function runMeasured(args: string[]): Promise<{ code: number | null; peakKib: number; output: string }> {
  const child = spawn(process.execPath, [CLI, 'run', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  let peakKib = 0
  const poll = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
      if (hwm) peakKib = Math.max(peakKib, Number(hwm[1]))
    } catch {
      // The child has just exited.
    }
  }, 20)
  const killer = setTimeout(() => child.kill('SIGKILL'), 90_000)
  const code = await new Promise<number | null>(resolve => child.on('exit', resolve))
  clearInterval(poll)
  clearTimeout(killer)
  return { code, peakKib, output }
}

function writeSequence(dir: string, port: number, steps: string): string {
  const file = join(dir, 'flood.yaml')
  writeFileSync(file, `sequence: flood\ndevice: simcom-a76xx\nsteps:\n${steps}`)
  return file
}

async function runFlood(t: Test, port: number, steps: string): Promise<RunRecord> {
  t.ok(existsSync(CLI), 'dist is built (npm run build)')
  const dir = t.testdir({})
  const file = writeSequence(dir, port, steps)
  const reports = join(dir, 'reports')
  const run = await runMeasured([file, '-d', `tcp://127.0.0.1:${port}`, '--no-identify', '--report-dir', reports, '--no-color'])
  t.equal(run.code, 1, run.output)
  t.ok(run.peakKib > 0 && run.peakKib < PEAK_RSS_LIMIT_KIB, `peak RSS ${Math.round(run.peakKib / 1024)} MiB`)
  const names = readdirSync(reports)
  for (const ext of ['.json', '.html', '.xml'])
    t.ok(
      names.some(name => name.endsWith(ext)),
      `the ${ext} report is written`,
    )
  const json = names.find(name => name.endsWith('.json')) ?? ''
  return JSON.parse(readFileSync(join(reports, json), 'utf8')) as RunRecord
}

t.test('90 MB with no line end fails the step as too-much-data, within bounded memory', async t => {
  const port = await serveFlood(t, '\r\n', 'A', 90 * MIB)
  const record = await runFlood(t, port, '  - no: "1"\n    send: AT+FLOOD\n    timeout: 60s\n')
  const step = record.steps.find(s => s.no === '1')
  t.equal(step?.failure?.kind, 'too-much-data')
  t.match(step?.reason, /the modem sent a line longer than 1 MiB in step 1/)
})

t.test('170 MB of URC lines fails the waiting step as too-much-data, within bounded memory', async t => {
  const port = await serveFlood(t, '\r\nOK\r\n', '\r\n+CMQTTPING: 0,1\r\n', 170 * MIB)
  const record = await runFlood(t, port, '  - no: "1"\n    send: AT+FLOOD\n  - no: "2"\n    wait: "+CMQTTSTART: 0"\n    within: 60s\n')
  const step = record.steps.find(s => s.no === '2')
  t.equal(step?.failure?.kind, 'too-much-data')
  t.match(step?.reason, /the modem sent more than 10000 lines in step 2/)
})
