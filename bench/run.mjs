// Runner overhead per step against an instant in-process modem (target: under 0.5 ms/step).
// The modem answers every command at once, so what is measured is atseq: templating, the chat
// engine, matching, recording and masking. Run after `npm run build` (npm run bench does).
import { performance } from 'node:perf_hooks'
import { Chat } from '../dist/at/chat.js'
import { resolveChatProfile } from '../dist/at/chat-profile.js'
import { Masker } from '../dist/record/masker.js'
import { Recorder } from '../dist/record/recorder.js'
import { runSequence } from '../dist/run/run-sequence.js'
import { loadSequenceText } from '../dist/sequence/load-sequence.js'
import { openTransport } from '../dist/transport/open-transport.js'

const STEPS = Number(process.env.BENCH_STEPS ?? 5000)
const TARGET_MS_PER_STEP = 0.5

/** Answers `AT+CSQ` with a response line and every other command with OK, at once (ATE1 echo). */
class InstantModem {
  attach(send) {
    this.send = send
  }
  receive(bytes) {
    const line = bytes.toString('latin1')
    const body = line.startsWith('AT+CSQ') ? '\r\n+CSQ: 23,99\r\n\r\nOK\r\n' : '\r\nOK\r\n'
    this.send(Buffer.from(line + body, 'latin1'))
  }
  async detach() {}
}

function generateSequence(steps) {
  const lines = ['sequence: bench', 'device: simcom-a76xx', 'vars:', '  client: 0', 'steps:']
  for (let i = 1; i <= steps; i++) {
    if (i % 2 === 0)
      lines.push(`  - no: "${i}"`, '    send: AT+CSQ', '    expect:', "      - '/^\\+CSQ: (?<rssi>\\d+),(?<ber>\\d+)$/'", '      - OK')
    else lines.push(`  - no: "${i}"`, '    send: AT+CMQTTDISC={{client}},120', '    expect: OK')
  }
  return lines.join('\n') + '\n'
}

async function measure(steps) {
  const { sequence, diagnostics } = loadSequenceText('bench.yaml', Buffer.from(generateSequence(steps)))
  if (!sequence) throw new Error(diagnostics.map(d => d.message).join('\n'))
  const masker = new Masker({ secrets: ['hunter2'] })
  const recorder = new Recorder({
    header: {
      atseqVersion: 'bench',
      sequence: { name: 'bench', file: 'bench.yaml', sha256: '', tags: [] },
      device: { url: 'sim://instant', settings: {}, identity: {} },
      commandLine: [],
    },
    masker,
  })
  const transport = await openTransport('sim://instant', { simPeer: () => new InstantModem() })
  const chat = new Chat(transport, {
    profile: resolveChatProfile('simcom-a76xx'),
    transcript: e =>
      e.dir === 'tx'
        ? recorder.recordTx(Buffer.from(e.bytes))
        : e.dir === 'rx'
          ? recorder.recordRx(Buffer.from(e.bytes))
          : recorder.recordNote(String(e.bytes)),
    clock: () => recorder.elapsedMs(),
  })
  const ctx = {
    sequence,
    chat,
    chatProfile: resolveChatProfile('simcom-a76xx'),
    recorder,
    masker,
    vars: { client: '0' },
    secretNames: new Set(),
    abort: [],
    timeoutScale: 1,
    signal: new AbortController().signal,
    events: {},
  }
  const started = performance.now()
  const verdict = await runSequence(ctx, new AbortController().signal)
  const elapsed = performance.now() - started
  const record = recorder.finish(verdict.status, verdict.exitCode)
  chat.detach()
  await transport.close()
  if (record.counts.passed !== steps) throw new Error(`expected ${steps} passed steps, got ${JSON.stringify(record.counts)}`)
  return elapsed
}

await measure(500) // warm-up: JIT and template caches
const elapsed = await measure(STEPS)
const perStep = elapsed / STEPS
console.log(`runner: ${STEPS} steps in ${elapsed.toFixed(1)} ms`)
console.log(
  `runner overhead per step: ${perStep.toFixed(4)} ms (target < ${TARGET_MS_PER_STEP} ms, ratio to target ${(perStep / TARGET_MS_PER_STEP).toFixed(3)})`,
)
