/**
 * A run that does not end normally still leaves its reports: the port dropped mid-command
 * (serial-over-TCP peer gone), and Ctrl-C to a real `atseq run` process.
 */
import t, { type Test } from 'tap'
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Socket } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SimModem } from '../../src/sim/sim-modem.js'
import { runYamlOnSim, stepNo } from '../helpers/run-on-sim.js'

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url))

/** Serves a simulated modem on loopback TCP and pulls the cable when the host writes `dropOn`. */
async function serveModemThatDrops(t: Test, dropOn: string): Promise<number> {
  const sockets = new Set<Socket>()
  const server = createServer(socket => {
    sockets.add(socket)
    const modem = new SimModem()
    modem.attach(bytes => socket.write(bytes))
    socket.on('data', bytes => {
      if (bytes.toString('latin1').includes(dropOn)) socket.destroy()
      else modem.receive(bytes)
    })
    socket.on('close', () => void modem.detach())
    socket.on('error', () => undefined)
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

t.test('a port dropped mid-command errors the step, skips the rest, and still writes the reports', async t => {
  const port = await serveModemThatDrops(t, 'AT+CSQ')
  const { record, reportPaths } = await runYamlOnSim(
    t,
    `sequence: drop
device: simcom-a76xx
steps:
  - no: "1"
    send: AT
  - no: "2"
    send: AT+CSQ
    timeout: 20s
  - no: "3"
    send: AT
teardown:
  - no: t1
    send: AT
`,
    { device: `tcp://127.0.0.1:${port}` },
  )
  t.equal(stepNo(record, '1').status, 'passed')
  t.equal(stepNo(record, '2').status, 'errored')
  t.match(stepNo(record, '2').reason, /link dropped/)
  t.equal(stepNo(record, '3').status, 'skipped')
  t.equal(stepNo(record, 't1', 'teardown').status, 'skipped')
  t.equal(record.status, 'errored')
  t.equal(record.exitCode, 3)
  t.match(record.endReason, /link dropped at step 2/)
  const json = reportPaths.find(path => path.endsWith('.json'))
  t.ok(json && existsSync(json), 'the JSON report is written')
  t.match(JSON.parse(readFileSync(json ?? '', 'utf8')), { status: 'errored', exitCode: 3 })
  t.ok(
    reportPaths.some(path => path.endsWith('.html') && existsSync(path)),
    'the HTML report is written',
  )
})

t.test('a device that cannot be opened exits 3 with a report naming the cause', async t => {
  const { record } = await runYamlOnSim(t, 'sequence: nothing there\nsteps:\n  - no: "1"\n    send: AT\n', {
    device: 'serial:///dev/atseq-no-such-port',
  })
  t.equal(record.exitCode, 3)
  t.equal(stepNo(record, '1').status, 'skipped')
  t.match(record.endReason, /atseq-no-such-port/)
})

t.test('Ctrl-C to a running `atseq run` runs teardown, writes the report marked interrupted and exits 130', async t => {
  t.ok(existsSync(CLI), 'dist is built (npm test builds it)')
  const dir = t.testdir({})
  const file = join(dir, 'long.yaml')
  writeFileSync(
    file,
    `sequence: long
device: simcom-a76xx
steps:
  - no: "1"
    send: AT
  - no: "2"
    sleep: 60s
teardown:
  - no: t1
    send: AT
`,
  )
  const child = spawn(process.execPath, [CLI, 'run', file, '--report-dir', join(dir, 'reports'), '--no-color'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    if (/PASS 1 /.test(output) && !child.killed) child.kill('SIGINT')
  })
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const exitCode = await new Promise<number | null>(resolve => child.on('exit', resolve))
  t.equal(exitCode, 130, output)
  t.match(output, /PASS teardown t1/, 'teardown ran')
  const json = readdirSync(join(dir, 'reports')).find(name => name.endsWith('.json'))
  t.ok(json, 'the JSON report was written')
  const record = JSON.parse(readFileSync(join(dir, 'reports', json ?? ''), 'utf8'))
  t.equal(record.status, 'interrupted')
  t.equal(record.steps.find((step: { no: string }) => step.no === '2').status, 'errored')
  t.ok(
    readdirSync(join(dir, 'reports')).some(name => name.endsWith('.html')),
    'the HTML report was written',
  )
})

t.test('`atseq run` exits 1 on a wrong expectation and 2 on an invalid file', async t => {
  const dir = t.testdir({
    'wrong.yaml': 'sequence: wrong\ndevice: simcom-a76xx\nsteps:\n  - no: "1"\n    send: AT+CPIN?\n    expect: ["+CPIN: SIM PIN", OK]\n',
    'invalid.yaml': 'sequence: invalid\nsteps:\n  - no: "1"\n    sned: AT\n',
  })
  const run = (file: string): Promise<{ code: number | null; output: string }> =>
    new Promise(resolve => {
      const child = spawn(process.execPath, [CLI, 'run', join(dir, file), '--report-dir', join(dir, 'reports'), '--no-color'])
      let output = ''
      child.stdout.on('data', (c: Buffer) => {
        output += c.toString()
      })
      child.stderr.on('data', (c: Buffer) => {
        output += c.toString()
      })
      child.on('exit', code => resolve({ code, output }))
    })
  const wrong = await run('wrong.yaml')
  t.equal(wrong.code, 1, wrong.output)
  t.match(wrong.output, /FAIL 1 .*\n.*expected line `\+CPIN: SIM PIN`, got `\+CPIN: READY`/)
  const invalid = await run('invalid.yaml')
  t.equal(invalid.code, 2, invalid.output)
  t.match(invalid.output, /invalid\.yaml:4:5: /)
  t.notMatch(invalid.output, /at .*\.js:\d+/, 'no stack trace')
})
