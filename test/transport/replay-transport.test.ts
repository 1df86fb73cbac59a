import t, { type Test } from 'tap'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TranscriptEntry } from '../../src/model/run-record.js'
import { parseDeviceUrl } from '../../src/transport/device-url.js'
import { openTransport } from '../../src/transport/open-transport.js'
import { buildReplayScript, isSameWrite, type ReplaySource } from '../../src/transport/replay-transport.js'
import { isTransportError } from '../../src/transport/transport-error.js'
import type { Transport } from '../../src/model/transport.js'

const b64 = (text: string): string => Buffer.from(text).toString('base64')
const tx = (atMs: number, text: string): TranscriptEntry => ({ atMs, dir: 'tx', data: b64(text) })
const rx = (atMs: number, text: string): TranscriptEntry => ({ atMs, dir: 'rx', data: b64(text) })

/** Two steps: AT (answered at once) and AT+CMQTTSTART (OK, then its URC 80 ms later). */
const source: ReplaySource = {
  transcript: [
    rx(0, '\r\nRDY\r\n'),
    { atMs: 1, dir: 'note', data: 'a note is not replayed' },
    tx(10, 'AT\r'),
    rx(11, 'AT\r\r\nOK\r\n'),
    tx(20, 'AT+CMQTTSTART\r'),
    rx(21, '\r\nOK\r\n'),
    rx(100, '\r\n+CMQTTSTART: 0\r\n'),
  ],
  steps: [
    { phase: 'setup', no: 's1', action: 'AT', transcript: { from: 2, to: 4 } },
    { phase: 'steps', no: '2', action: 'AT+CMQTTSTART', transcript: { from: 4, to: 7 } },
  ],
}

function writeRecording(t: Test, recording: unknown = source): string {
  const dir = t.testdir({})
  const path = join(dir, 'run.json')
  writeFileSync(path, JSON.stringify(recording))
  return path
}

/** Collects what the transport delivers, as text, and the drop cause. */
function listen(transport: Transport): { received: string[]; drops: string[] } {
  const seen = { received: [] as string[], drops: [] as string[] }
  transport.on('data', chunk => seen.received.push(chunk.toString()))
  transport.on('drop', drop => seen.drops.push(drop.cause))
  return seen
}

const settle = (ms = 5): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

t.test('replay:// URLs: relative and absolute paths, fast, unknown settings refused', async t => {
  t.same(parseDeviceUrl('replay://reports/Run 1.json'), { kind: 'replay', path: 'reports/Run 1.json', fast: false })
  t.same(parseDeviceUrl('replay:///tmp/run.json?fast=1'), { kind: 'replay', path: '/tmp/run.json', fast: true })
  t.throws(() => parseDeviceUrl('replay://run.json?speed=2'), { code: 'bad-device-url' })
  t.throws(() => parseDeviceUrl('replay://'), { code: 'bad-device-url' })
})

t.test('the script pairs each write with the bytes after it and names its step', async t => {
  const script = buildReplayScript(source, 'run.json')
  t.same(
    script.boot.map(c => c.bytes.toString()),
    ['\r\nRDY\r\n'],
  )
  t.same(
    script.exchanges.map(e => [e.written.toString(), e.label, e.replies.map(r => r.offsetMs)]),
    [
      ['AT\r', 'setup step s1', [1]],
      ['AT+CMQTTSTART\r', 'step 2', [1, 80]],
    ],
  )
})

t.test('masked stretches of a recorded write match any bytes; other differences do not', async t => {
  const recorded = Buffer.from('AT+CMQTTCONNECT=0,"tcp://h:1",60,1,"u","••••••"\r')
  t.ok(isSameWrite(recorded, Buffer.from('AT+CMQTTCONNECT=0,"tcp://h:1",60,1,"u","secret"\r')))
  t.notOk(isSameWrite(recorded, Buffer.from('AT+CMQTTCONNECT=0,"tcp://h:2",60,1,"u","secret"\r')))
  t.notOk(isSameWrite(Buffer.from('AT\r'), Buffer.from('AT\n')))
})

t.test('fast: the same bytes for the same commands, each after the write, never inside it', async t => {
  const transport = await openTransport(`replay://${writeRecording(t)}?fast=1`)
  t.teardown(() => transport.close())
  const seen = listen(transport)
  await settle()
  t.same(seen.received, ['\r\nRDY\r\n'], 'boot output comes on open')
  const written = transport.write(Buffer.from('AT\r'))
  t.same(seen.received.length, 1, 'nothing inside the write call')
  await written
  await settle()
  await transport.write(Buffer.from('AT+CMQTTSTART\r'))
  await settle()
  t.same(seen.received, ['\r\nRDY\r\n', 'AT\r\r\nOK\r\n', '\r\nOK\r\n', '\r\n+CMQTTSTART: 0\r\n'])
  t.same(seen.drops, [])
})

t.test('timed: a URC comes at its recorded offset after the write', async t => {
  const transport = await openTransport(`replay://${writeRecording(t)}`)
  t.teardown(() => transport.close())
  const seen = listen(transport)
  await settle(10)
  await transport.write(Buffer.from('AT\r'))
  await settle(10)
  await transport.write(Buffer.from('AT+CMQTTSTART\r'))
  await settle(20)
  t.notOk(seen.received.includes('\r\n+CMQTTSTART: 0\r\n'), 'not yet: it was recorded 80 ms after the write')
  await settle(120)
  t.equal(seen.received.at(-1), '\r\n+CMQTTSTART: 0\r\n')
})

t.test('a write sent before the replies of the last one were due gets them first, in order', async t => {
  const recording = { transcript: [tx(0, 'A\r'), rx(500, 'late\r\n'), tx(600, 'B\r'), rx(601, 'b\r\n')] }
  const transport = await openTransport(`replay://${writeRecording(t, recording)}`)
  t.teardown(() => transport.close())
  const seen = listen(transport)
  await transport.write(Buffer.from('A\r'))
  await transport.write(Buffer.from('B\r'))
  await settle(20)
  t.same(seen.received, ['late\r\n', 'b\r\n'])
})

t.test('a write the recording never saw drops the link, naming the step and both commands', async t => {
  const transport = await openTransport(`replay://${writeRecording(t)}?fast=1`)
  t.teardown(() => transport.close())
  const seen = listen(transport)
  await transport.write(Buffer.from('AT\r'))
  await transport.write(Buffer.from('AT+CMQTTSTOP\r'))
  await settle()
  t.equal(seen.drops.length, 1)
  t.match(seen.drops[0], /at step 2 the recording has `AT\+CMQTTSTART` but the host sent `AT\+CMQTTSTOP`/)
  await t.rejects(transport.write(Buffer.from('AT\r')), { code: 'not-open' })
})

t.test('writing past the end of the recording drops the link and says so', async t => {
  const transport = await openTransport(`replay://${writeRecording(t, { transcript: [tx(0, 'AT\r'), rx(1, 'OK\r\n')] })}?fast=1`)
  t.teardown(() => transport.close())
  const seen = listen(transport)
  await transport.write(Buffer.from('AT\r'))
  await transport.write(Buffer.from('AT\r'))
  await settle()
  t.match(seen.drops[0], /after the recording ended/)
})

t.test('writes outside every step (identification) may be left out by the host', async t => {
  const recording = {
    transcript: [tx(0, 'ATI\r'), rx(1, 'OK\r\n'), tx(2, 'AT\r'), rx(3, 'OK\r\n')],
    steps: [{ phase: 'steps', no: '1', action: 'AT', transcript: { from: 2, to: 4 } }],
  }
  const transport = await openTransport(`replay://${writeRecording(t, recording)}?fast=1`)
  t.teardown(() => transport.close())
  const seen = listen(transport)
  await transport.write(Buffer.from('AT\r'))
  await settle()
  t.same(seen.received, ['OK\r\n'])
  t.same(seen.drops, [])
})

t.test('a missing or malformed recording fails to open with open-failed', async t => {
  const error = await openTransport('replay:///nonexistent/run.json').catch((e: unknown) => e)
  t.ok(isTransportError(error, 'open-failed'))
  const bad = await openTransport(`replay://${writeRecording(t, { steps: [] })}`).catch((e: unknown) => e)
  t.ok(isTransportError(bad, 'open-failed'))
})
