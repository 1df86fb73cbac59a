// One in-process run on the SIMCom simulator, built as `atseq run` builds it (chat, recorder, masker, run context)
// but without the far-side servers: what runner.mjs and soak.mjs measure is the runner against the bare chat.
import { Chat } from '../dist/at/chat.js'
import { resolveModemFamily } from '../dist/modem/families/index.js'
import { Masker } from '../dist/record/masker.js'
import { Recorder } from '../dist/record/recorder.js'
import { runSequence } from '../dist/run/run-sequence.js'
import { loadSequenceText } from '../dist/sequence/load-sequence.js'
import { createSimModem } from '../dist/sim/index.js'
import { openTransport } from '../dist/transport/open-transport.js'

const family = resolveModemFamily('simcom-a76xx')

/** The commands of step `i` (1-based): odd steps a capture from AT+CSQ, even steps a plain AT+CREG?. */
export function stepCommand(i) {
  return i % 2 === 1 ? 'AT+CSQ' : 'AT+CREG?'
}

/** A sequence of `steps` steps alternating AT+CSQ (with named captures) and AT+CREG?. */
export function generateSequence(steps) {
  const lines = ['sequence: bench', 'device: simcom-a76xx', 'steps:']
  for (let i = 1; i <= steps; i++) {
    if (i % 2 === 1)
      lines.push(`  - no: "${i}"`, '    send: AT+CSQ', '    expect:', "      - '/^\\+CSQ: (?<rssi>\\d+),(?<ber>\\d+)$/'", '      - OK')
    else lines.push(`  - no: "${i}"`, '    send: AT+CREG?', "    expect: ['/^\\+CREG: \\d,\\d/', OK]")
  }
  return `${lines.join('\n')}\n`
}

/** Loads a generated sequence of `steps` steps; throws when it does not load (a bench bug). */
export function loadGeneratedSequence(steps) {
  const { sequence, diagnostics } = loadSequenceText('bench.yaml', Buffer.from(generateSequence(steps)))
  if (!sequence)
    throw new Error(
      diagnostics
        .slice(0, 3)
        .map(d => d.message)
        .join('\n'),
    )
  return sequence
}

/** Opens a fresh simulated modem with a chat and a recorder; `close()` ends both. */
export async function openSimChat() {
  const masker = new Masker({ secrets: [] })
  const recorder = new Recorder({
    header: {
      atseqVersion: 'bench',
      sequence: { name: 'bench', file: 'bench.yaml', sha256: '', tags: [] },
      device: { url: 'sim://simcom-a76xx', settings: {}, identity: {} },
      commandLine: [],
    },
    masker,
  })
  const transport = await openTransport('sim://simcom-a76xx', { simPeer: () => createSimModem('simcom-a76xx', new URLSearchParams()) })
  const chat = new Chat(transport, {
    profile: family.chatProfile,
    transcript: e =>
      e.dir === 'tx'
        ? recorder.recordTx(Buffer.from(e.bytes))
        : e.dir === 'rx'
          ? recorder.recordRx(Buffer.from(e.bytes))
          : recorder.recordNote(String(e.bytes)),
    clock: () => recorder.elapsedMs(),
  })
  const close = async () => {
    chat.detach()
    await transport.close()
  }
  return { chat, recorder, masker, close }
}

/** Runs `sequence` on an open sim chat; resolves to the run record; throws unless every step passed. */
export async function runOnSim(session, sequence) {
  const controller = new AbortController()
  const ctx = {
    sequence,
    chat: session.chat,
    family,
    recorder: session.recorder,
    masker: session.masker,
    vars: {},
    secretNames: new Set(),
    abort: [],
    timeoutScale: 1,
    signal: controller.signal,
    events: {},
  }
  const verdict = await runSequence(ctx, controller.signal)
  const record = session.recorder.finish(verdict.status, verdict.exitCode, verdict.endReason)
  if (record.counts.passed !== sequence.steps.length) throw new Error(`not every step passed: ${JSON.stringify(record.counts)}`)
  return record
}

/** Sends the same commands as a generated sequence of `steps` steps straight through the chat; throws on a miss. */
export async function chatOnSim(session, steps) {
  for (let i = 1; i <= steps; i++) {
    const exchange = await session.chat.command(stepCommand(i), { timeoutMs: 5000 })
    if (exchange.outcome !== 'final') throw new Error(`unexpected outcome ${exchange.outcome}: ${exchange.cause}`)
  }
}
