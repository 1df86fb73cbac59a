/**
 * The seed sequence through the whole stack (runner, chat engine, simulator) against a real
 * Mosquitto with a TLS listener: the simulator's TLS "not verify" client connects to it, a real
 * `mosquitto_sub` sees the 60-byte publish, and the runner's broker check observes it too.
 */
import t from 'tap'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { loadSequence } from '../../src/sequence/load-sequence.js'
import { runSequenceFile } from '../../src/app/run-sequence-file.js'
import { startMosquitto } from '../helpers/mosquitto.js'
import { findTool, requireTool } from '../helpers/system-tool.js'
import { join } from 'node:path'
import { sequenceRunOptions } from '../helpers/run-options.js'
import { stopChild } from '../helpers/stop-child.js'

const SEED = fileURLToPath(new URL('../../sequences/simcom/mqtts-not-verify-server.yaml', import.meta.url))

t.test('the seed passes against Mosquitto over TLS and mosquitto_sub sees the publish', async t => {
  if (!requireTool(t, 'mosquitto') || !requireTool(t, 'mosquitto_sub')) return
  const mosquitto = await startMosquitto({ tls: true })
  t.teardown(() => mosquitto.stop())
  // stdbuf: mosquitto_sub block-buffers its output into a pipe; line buffering shows SUBACK as it comes.
  const sub = spawn('stdbuf', [
    '-oL',
    findTool('mosquitto_sub') ?? 'mosquitto_sub',
    '-h',
    '127.0.0.1',
    '-p',
    String(mosquitto.port),
    '-t',
    'dddrrrggghhhk',
    '-C',
    '1',
    '-d',
    '-F',
    'MESSAGE %t %l %p',
  ])
  t.teardown(() => stopChild(sub))
  let subOutput = ''
  const exited = new Promise<number | null>(resolve => sub.on('exit', resolve))
  // With -d, mosquitto_sub says when its SUBACK arrives: only then is the publish sure to reach it.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mosquitto_sub did not subscribe: ${subOutput}`)), 10_000)
    sub.stdout.on('data', (chunk: Buffer) => {
      subOutput += chunk.toString()
      if (subOutput.includes('SUBACK')) {
        clearTimeout(timer)
        resolve()
      }
    })
  })

  const loaded = await loadSequence(SEED)
  if (!loaded.sequence) throw new Error('the seed does not load')
  const dir = t.testdir({})
  const { record } = await runSequenceFile(
    loaded.sequence,
    sequenceRunOptions(join(dir, 'reports'), {
      resolve: [`test.mosquitto.org:8883=127.0.0.1:${mosquitto.tlsPort}`],
      brokerUrl: `mqtt://127.0.0.1:${mosquitto.port}`,
      commandLine: ['atseq'],
    }),
  )
  t.equal(record.status, 'passed', JSON.stringify(record.steps.filter(s => s.status !== 'passed').map(s => `${s.no}: ${s.reason}`)))
  t.equal(await exited, 0, 'mosquitto_sub received one message and exited')
  const message = subOutput.split('\n').find(line => line.startsWith('MESSAGE '))
  t.equal(message, `MESSAGE dddrrrggghhhk 60 ${'0123456789'.repeat(6)}`)
})
