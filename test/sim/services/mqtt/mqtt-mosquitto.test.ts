/** The simulator against a real Mosquitto with a TLS listener, watched by the real mosquitto_sub / mosquitto_pub. */
import { spawn, type ChildProcess } from 'node:child_process'
import t, { type Test } from 'tap'
import type { ResolveRule } from '../../../../src/sim/sockets/host-resolve.js'
import { startMosquitto, type RunningMosquitto } from '../../../helpers/mosquitto.js'
import { findTool, requireTool } from '../../../helpers/system-tool.js'
import { runSeedSubscriptions, runSeedTeardown, runSeedUntilPublish, rxBlock, SEED_PAYLOAD } from '../../seed-session.js'
import { WireHarness, urc } from '../../wire-harness.js'
import { stopChild } from '../../../helpers/stop-child.js'

interface Watcher {
  output(): string
  /** Resolves when `text` appears in the output (bounded by `timeoutMs`). */
  waitFor(text: string, timeoutMs?: number): Promise<void>
}

/** Runs a mosquitto client tool, collecting stdout+stderr, stopped at teardown. */
function runTool(t: Test, name: string, args: string[]): Watcher {
  // mosquitto_sub block-buffers a pipe; stdbuf (coreutils) makes it print each line as it happens.
  const child: ChildProcess = spawn('stdbuf', ['-oL', findTool(name) ?? name, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const waiters = new Set<() => void>()
  const collect = (chunk: Buffer): void => {
    output += chunk.toString()
    for (const wake of waiters) wake()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  // A mosquitto_sub that sent its DISCONNECT (-C 1) just as the broker stopped can outlive SIGTERM and keep the
  // test process alive: end it for sure (no grace), and wait until it has.
  t.teardown(() => stopChild(child, 0))
  return {
    output: () => output,
    waitFor: (text, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`${name} never printed ${JSON.stringify(text)}: ${output}`))
        }, timeoutMs)
        const check = (): void => {
          if (!output.includes(text)) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve()
        }
        waiters.add(check)
        check()
      }),
  }
}

function mapToMosquitto(m: RunningMosquitto): ResolveRule[] {
  return [
    { host: 'test.mosquitto.org', port: 8883, to: { host: m.host, port: m.tlsPort ?? 0 } },
    { host: 'test.mosquitto.org', port: 1883, to: { host: m.host, port: m.port } },
  ]
}

async function setUp(t: Test): Promise<{ mosquitto: RunningMosquitto; h: WireHarness } | undefined> {
  if (!['mosquitto', 'mosquitto_sub', 'mosquitto_pub'].every(tool => requireTool(t, tool))) return undefined
  const mosquitto = await startMosquitto({ tls: true })
  t.teardown(() => mosquitto.stop())
  const h = await WireHarness.boot({ resolve: mapToMosquitto(mosquitto) })
  t.teardown(() => h.close())
  return { mosquitto, h }
}

t.test('the seed over TLS not-verify to Mosquitto: mosquitto_sub sees the 60-byte publish, mosquitto_pub reaches the host', async t => {
  const ready = await setUp(t)
  if (!ready) return
  const { mosquitto, h } = ready
  const sub = runTool(t, 'mosquitto_sub', [
    '-h',
    mosquitto.host,
    '-p',
    String(mosquitto.port),
    '-t',
    'dddrrrggghhhk',
    '-C',
    '1',
    '-d',
    '-i',
    'watcher',
  ])
  await sub.waitFor('SUBACK')
  await runSeedUntilPublish(h)
  await sub.waitFor(SEED_PAYLOAD)
  t.match(sub.output(), /received PUBLISH \(d0, q0, r0, m\d+, 'dddrrrggghhhk', \.\.\. \(60 bytes\)\)/)
  await runSeedSubscriptions(h)
  const message = 'Hi, MOMO \r\n+CMQTTRXEND: 0'
  runTool(t, 'mosquitto_pub', ['-h', mosquitto.host, '-p', String(mosquitto.port), '-t', 'simcommsg', '-m', message, '-q', '1'])
  await h.expect(rxBlock(0, 'simcommsg', [message]), 10_000)
  await runSeedTeardown(h)
})

t.test('after a network drop Mosquitto delivers the will 0123456789 / qwerty', async t => {
  const ready = await setUp(t)
  if (!ready) return
  const { mosquitto, h } = ready
  const will = runTool(t, 'mosquitto_sub', [
    '-h',
    mosquitto.host,
    '-p',
    String(mosquitto.port),
    '-t',
    '0123456789',
    '-C',
    '1',
    '-v',
    '-d',
    '-i',
    'will-watcher',
  ])
  await will.waitFor('SUBACK')
  await runSeedUntilPublish(h)
  h.modem.dropNetwork()
  await h.expect(urc('+CMQTTCONNLOST: 0,3') + urc('+CMQTTNONET'))
  await will.waitFor('0123456789 qwerty')
  t.pass('the will arrived')
})
