// Runner overhead per step: a sequence of N steps run by atseq's runner (templating, judging, captures, recording,
// masking) vs the same N commands sent straight through the chat, on the same in-process simulated modem, in
// interleaved rounds. Ratio = runner ms / chat ms per step; the limit is the difference in ms per step.
// Options: --steps=<n> (default 10000), --rounds=<n> (default 7), --json. At 2,000 steps a sample lasted about
// 100 ms, so one garbage collection on either side moved the median ratio from 2.4 to 3.2; 10,000 steps hold it at
// 2.1-2.4.
import { Table, finish, interleave, median, pairRatios, parseArgs, timeMs } from './harness.mjs'
import { chatOnSim, loadGeneratedSequence, openSimChat, runOnSim } from './sim-run.mjs'

const args = parseArgs()
const STEPS = Number(args.steps ?? 10_000)
const ROUNDS = Number(args.rounds ?? 7)
const TARGET_OVERHEAD_MS = 0.3
const sequence = loadGeneratedSequence(STEPS)

async function timeOnFreshModem(work) {
  const session = await openSimChat()
  try {
    await session.chat.command('AT', { timeoutMs: 5000 })
    return (await timeMs(() => work(session))) / STEPS
  } finally {
    await session.close()
  }
}

const samples = await interleave({
  rounds: ROUNDS,
  sides: [
    { label: 'runner', run: () => timeOnFreshModem(session => runOnSim(session, sequence)) },
    { label: 'chat', run: () => timeOnFreshModem(session => chatOnSim(session, STEPS)) },
  ],
})
const table = new Table(`runner: ${STEPS} steps on the in-process simulator, ${ROUNDS} interleaved rounds`)
table.ratio({
  name: 'runner ms / bare chat ms per step',
  a: { label: 'runner', values: samples.runner, unit: 'ms/step' },
  b: { label: 'chat', values: samples.chat, unit: 'ms/step' },
  ratios: pairRatios(samples.runner, samples.chat, (runner, chat) => runner / chat),
  target: { atMost: 3 },
})
const overheads = pairRatios(samples.runner, samples.chat, (runner, chat) => runner - chat)
table.limit({
  name: 'runner overhead per step (median of pairs)',
  value: median(overheads),
  unit: 'ms',
  target: { atMost: TARGET_OVERHEAD_MS },
})
finish(table, args)
