/** `atseq sim --listen` with a plain TCP client, and `--pty` through socat. Needs `npx tsc -p .` first (npm test does it). */
import { spawn, type ChildProcess } from 'node:child_process'
import { createReadStream, openSync, writeSync } from 'node:fs'
import { connect } from 'node:net'
import { fileURLToPath } from 'node:url'
import t, { type Test } from 'tap'
import { requireTool } from '../helpers/system-tool.js'
import { BOOT } from './wire-harness.js'

const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url))

interface RunningSim {
  child: ChildProcess
  waitForLine(pattern: RegExp): Promise<RegExpExecArray>
}

function startSim(t: Test, args: string[]): RunningSim {
  const child = spawn(process.execPath, [MAIN, 'sim', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  t.teardown(
    () =>
      new Promise<void>(resolve => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  )
  return {
    child,
    waitForLine: pattern =>
      new Promise((resolve, reject) => {
        const deadline = setTimeout(() => {
          clearInterval(poll)
          reject(new Error(`no ${pattern} in: ${output}`))
        }, 10_000)
        const poll = setInterval(() => {
          const match = pattern.exec(output)
          if (!match) return
          clearInterval(poll)
          clearTimeout(deadline)
          resolve(match)
        }, 20)
      }),
  }
}

/** Collects bytes from a stream until `expected` has arrived (or 5 s pass). */
function readUntil(stream: NodeJS.ReadableStream, expected: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let got = ''
    const timer = setTimeout(() => reject(new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`)), 5000)
    const onData = (chunk: Buffer): void => {
      got += chunk.toString('latin1')
      if (!got.includes(expected)) return
      clearTimeout(timer)
      stream.off('data', onData)
      resolve(got)
    }
    stream.on('data', onData)
  })
}

t.test('atseq sim --listen serves the modem to a plain TCP client, one at a time', async t => {
  const sim = startSim(t, ['--listen', 'tcp://127.0.0.1:0'])
  const [, port] = await sim.waitForLine(/listening on tcp:\/\/127\.0\.0\.1:(\d+)/)
  const socket = connect(Number(port), '127.0.0.1')
  t.teardown(() => socket.destroy())
  t.equal(await readUntil(socket, 'PB DONE\r\n'), BOOT)
  socket.write('AT+CGMI\r')
  t.equal(await readUntil(socket, 'OK\r\n'), 'AT+CGMI\r\r\nSIMCOM INCORPORATED\r\n\r\nOK\r\n')
  const second = connect(Number(port), '127.0.0.1')
  await new Promise(resolve => second.once('close', resolve))
  await sim.waitForLine(/refused 127\.0\.0\.1:\d+/)
})

t.test('atseq sim rejects bad options with exit code 2', async t => {
  const sim = startSim(t, ['--listen', 'tcp://127.0.0.1:0', '--params', 'baud=fast'])
  const code = await new Promise(resolve => sim.child.once('exit', resolve))
  t.equal(code, 2)
})

t.test('atseq sim --pty makes the modem a pseudo-terminal through socat', async t => {
  if (!requireTool(t, 'socat')) return
  const sim = startSim(t, ['--listen', 'tcp://127.0.0.1:0', '--pty'])
  const [, ptyPath] = await sim.waitForLine(/pty (\/dev\/\S+)/)
  const fd = openSync(ptyPath ?? '', 'r+')
  const input = createReadStream('', { fd })
  // When socat stops at teardown the pty reads EIO, as a serial port does on hang-up.
  input.on('error', error => {
    if ((error as NodeJS.ErrnoException).code !== 'EIO') t.error(error)
  })
  t.teardown(() => {
    input.destroy()
  }) // closes fd
  await readUntil(input, '+CPIN: READY\r\n')
  writeSync(fd, 'ATI\r')
  const answer = await readUntil(input, 'OK\r\n')
  t.equal(
    answer,
    'ATI\r\r\nManufacturer: SIMCOM INCORPORATED\r\nModel: A7670E-LASE\r\nRevision: A011B07A7670M7_F\r\nIMEI: 864000000000005\r\n+GCAP: +CGSM\r\n\r\nOK\r\n',
  )
})

t.test('atseq sim --profile quectel-bg96 --pty serves the BG96: its banner, its ATI, its MQTT commands', async t => {
  if (!requireTool(t, 'socat')) return
  const sim = startSim(t, ['--profile', 'quectel-bg96', '--listen', 'tcp://127.0.0.1:0', '--pty'])
  const [, ptyPath] = await sim.waitForLine(/pty (\/dev\/\S+)/)
  const fd = openSync(ptyPath ?? '', 'r+')
  const input = createReadStream('', { fd })
  input.on('error', error => {
    if ((error as NodeJS.ErrnoException).code !== 'EIO') t.error(error)
  })
  t.teardown(() => {
    input.destroy()
  })
  await readUntil(input, 'APP RDY\r\n')
  writeSync(fd, 'ATI\r')
  t.equal(await readUntil(input, 'OK\r\n'), 'ATI\r\r\nQuectel\r\nBG96\r\nRevision: BG96MAR02A07M1G\r\n\r\nOK\r\n')
  writeSync(fd, 'AT+QMTCFG="version",0\r')
  t.equal(await readUntil(input, 'OK\r\n'), 'AT+QMTCFG="version",0\r\r\n+QMTCFG: "version",4\r\n\r\nOK\r\n')
})
