/**
 * `atseq sim` serves the far-side servers of a `sim://` run beside the simulator: a TCP client talking AT to it
 * opens a socket to the mapped echo host and gets its bytes back; `--no-servers` opts out; SIGTERM stops them.
 */
import t, { type Test } from 'tap'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { get } from 'node:https'
import { connect, type Socket } from 'node:net'
import { fileURLToPath } from 'node:url'

const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url))

interface Started {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

/** Starts `atseq sim` on any free loopback port, stopped with SIGTERM when the test ends, once `until` is printed. */
async function startSim(t: Test, args: string[], until: RegExp): Promise<Started> {
  const child = spawn(process.execPath, [MAIN, 'sim', '--listen', 'tcp://127.0.0.1:0', '--no-broker', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
  t.teardown(async () => {
    if (child.exitCode === null) child.kill('SIGTERM')
    await exited
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`no ${until} in: ${output}`)), 20_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      if (!until.test(output)) return
      clearTimeout(deadline)
      resolve()
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
  })
  return { child, output: () => output, exited }
}

/** A TCP client of the simulator that sends lines and waits for text to arrive. */
async function connectModem(t: Test, port: number): Promise<{ send: (text: string) => void; until: (text: string) => Promise<string> }> {
  const socket: Socket = connect(port, '127.0.0.1')
  t.teardown(() => void socket.destroy())
  let received = ''
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')))
  await new Promise(resolve => socket.once('connect', resolve))
  const until = async (text: string): Promise<string> => {
    for (const deadline = Date.now() + 15_000; !received.includes(text);) {
      if (Date.now() > deadline) throw new Error(`no ${JSON.stringify(text)} in ${JSON.stringify(received)}`)
      await new Promise(resolve => setTimeout(resolve, 20))
    }
    const seen = received
    received = received.slice(received.indexOf(text) + text.length)
    return seen
  }
  return { send: text => socket.write(text), until }
}

/** The status of GET /status/204 from the HTTPS server on loopback, verified against `ca` for the name localhost. */
function fetchStatus(port: number, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get({ host: '127.0.0.1', port, path: '/status/204', ca, servername: 'localhost', timeout: 10_000 }, response => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    request.on('error', reject)
    request.on('timeout', () => request.destroy(new Error('no answer')))
  })
}

t.test('atseq sim maps the echo host onto its echo server: a socket gets its bytes back', async t => {
  const sim = await startSim(t, ['--params', 'echo=0'], /^CA (\S+) /m)
  const output = sim.output()
  const port = Number(/listening on tcp:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1])
  t.match(output, /^server map \*:7 -> 127\.0\.0\.1:\d+$/m, 'the echo port mapping is printed')
  t.match(output, /^server map \*:443 -> 127\.0\.0\.1:\d+$/m, 'and the HTTPS one')
  t.match(output, /^server FTP account \S+ \/ \S+$/m)
  const ca = /^CA (\S+) /m.exec(output)?.[1] ?? ''
  t.ok(existsSync(ca), 'the CA file exists')
  t.equal(output.match(/CA /g)?.length, 1, 'one CA for the broker and every server (the broker test trusts it too)')
  const httpsPort = Number(/^server map \*:443 -> 127\.0\.0\.1:(\d+)$/m.exec(output)?.[1])
  t.equal(await fetchStatus(httpsPort, readFileSync(ca, 'utf8')), 204, 'the HTTPS server is trusted with the printed CA')
  const modem = await connectModem(t, port)
  await modem.until('PB DONE')
  modem.send('AT+NETOPEN\r')
  await modem.until('+NETOPEN: 0')
  modem.send('AT+CIPRXGET=1\r')
  await modem.until('OK')
  modem.send('AT+CIPOPEN=1,"TCP","echo.example.com",7\r')
  await modem.until('+CIPOPEN: 1,0')
  modem.send('AT+CIPSEND=1,11\r')
  await modem.until('>')
  modem.send('ping 1A 0D!')
  await modem.until('+CIPRXGET: 1,1')
  modem.send('AT+CIPRXGET=2,1\r')
  const read = await modem.until('\r\nOK\r\n')
  t.match(read, /\+CIPRXGET: 2,1,11,0\r\nping 1A 0D!/, 'the echo server sent the bytes back')
  sim.child.kill('SIGTERM')
  t.equal(await sim.exited, 0)
  t.match(sim.output(), /stopped \(SIGTERM\)/)
  t.notOk(existsSync(ca), 'the CA folder is gone with the servers')
})

t.test('atseq sim --no-servers serves no far-side server', async t => {
  const sim = await startSim(t, ['--no-servers', '--params', 'echo=0'], /listening on tcp:\/\/127\.0\.0\.1:\d+\n/)
  await new Promise(resolve => setTimeout(resolve, 300))
  t.notMatch(sim.output(), /^server /m)
  const port = Number(/listening on tcp:\/\/127\.0\.0\.1:(\d+)/.exec(sim.output())?.[1])
  const modem = await connectModem(t, port)
  await modem.until('PB DONE')
  modem.send('AT+NETOPEN\r')
  await modem.until('+NETOPEN: 0')
  modem.send('AT+CIPOPEN=1,"TCP","echo.example.com",7\r')
  const answer = await modem.until('+CIPOPEN: 1,')
  t.ok(answer.length > 0)
  t.notMatch(await modem.until('\r\n'), /^0\r\n/, 'the echo host is not mapped: the open fails')
})
