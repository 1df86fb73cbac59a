/** What a run or skipped step leaves in the record: its description, duration, transcript slice, captures, and the action as a user reads it. */
import t, { type Test } from 'tap'
import type { RunContext } from '../../src/run/run-context.js'
import { runStep, skipStep } from '../../src/run/run-step.js'
import type { Step } from '../../src/model/sequence.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'
import { openStepContext, type StepContextOptions } from '../helpers/step-context.js'

async function openSteps(
  t: Test,
  steps: string,
  peer = new ScriptedPeer(),
  options: StepContextOptions = {},
): Promise<{ steps: Step[]; ctx: RunContext }> {
  const loaded = loadSequenceText('record.yaml', Buffer.from(`sequence: record\ndevice: simcom-a76xx\ntimeout: 200ms\nsteps:\n${steps}`))
  if (!loaded.sequence) throw new Error(JSON.stringify(loaded.diagnostics))
  return { steps: loaded.sequence.steps, ctx: await openStepContext(t, loaded.sequence, peer, options) }
}

t.test('a run step keeps its description, its time on the run clock and its slice of the transcript', async t => {
  let nowMs = 1000
  let noteDuringStep = (): void => {}
  const peer = new ScriptedPeer().on('AT\r', () => {
    nowMs += 250
    noteDuringStep()
    return '\r\nOK\r\n'
  })
  const { steps, ctx } = await openSteps(t, '  - send: AT\n    description: Is it there\n  - send: AT\n', peer, { now: () => nowMs })
  noteDuringStep = () => ctx.recorder.recordNote('the modem answered')
  ctx.recorder.recordNote('before the steps')
  const first = (await runStep('steps', steps[0]!, ctx)).result
  const second = (await runStep('steps', steps[1]!, ctx)).result
  t.equal(first.description, 'Is it there')
  t.notOk('description' in second, 'a step without a description has none')
  t.notOk('reason' in first, 'a passed step has no reason')
  t.same([first.startedAtMs, first.durationMs, second.startedAtMs, second.durationMs], [0, 250, 250, 250])
  t.same(
    [first.transcript, second.transcript],
    [
      { from: 1, to: 2 },
      { from: 2, to: 3 },
    ],
  )
})

t.test('a passed step stores its captures for later steps, masking those captured into secret names', async t => {
  const peer = new ScriptedPeer().on('AT+CGMM\r', '\r\nSIM7600\r\n\r\nOK\r\n').on('AT+CPIN?\r', '\r\n+CPIN: 4711\r\n\r\nOK\r\n')
  const { steps, ctx } = await openSteps(
    t,
    '  - send: AT+CGMM\n    expect: ["/^(?<model>\\\\w+)$/", OK]\n  - send: AT+CPIN?\n    expect: ["/^\\\\+CPIN: (?<pin>\\\\d+)$/", OK]\n  - send: "AT+X={{model}},{{pin}}"\n',
    peer,
  )
  ctx.secretNames.add('pin')
  await runStep('steps', steps[0]!, ctx)
  await runStep('steps', steps[1]!, ctx)
  t.same(ctx.vars, { model: 'SIM7600', pin: '4711' })
  const later = skipStep('steps', steps[2]!, ctx, 'not run')
  t.equal(later.action, 'AT+X=SIM7600,••••••', 'the captured pin is a secret from then on')
})

t.test('a failed step stores no captures', async t => {
  const peer = new ScriptedPeer().on('AT+CIMI\r', '\r\n262011234567890\r\n\r\nERROR\r\n')
  const { steps, ctx } = await openSteps(t, '  - send: AT+CIMI\n    expect: ["/^(?<imsi>\\\\d+)$/", OK]\n', peer)
  const { result } = await runStep('steps', steps[0]!, ctx)
  t.equal(result.status, 'failed')
  t.same(ctx.vars, {})
})

t.test(
  'a skipped step is recorded with its description, no evidence, an empty slice of the transcript where it stood, and without a step-end listener',
  async t => {
    const { steps, ctx } = await openSteps(t, '  - send: AT\n    description: Is it there\n  - send: AT\n')
    ctx.recorder.recordNote('before the skipped steps')
    const described = skipStep('steps', steps[0]!, ctx, 'an earlier step failed')
    const plain = skipStep('steps', steps[1]!, ctx, 'an earlier step failed')
    t.same(
      {
        description: described.description,
        status: described.status,
        reason: described.reason,
        expected: described.expected,
        received: described.received,
        transcript: described.transcript,
      },
      {
        description: 'Is it there',
        status: 'skipped',
        reason: 'an earlier step failed',
        expected: [],
        received: [],
        transcript: { from: 1, to: 1 },
      },
    )
    t.notOk('description' in plain, 'a step without a description has none')
  },
)

t.test('the action of each kind of step reads as the user wrote it, rendered where it can be', async t => {
  const { steps, ctx } = await openSteps(
    t,
    [
      '  - data: "{{word}}"\n    end: none\n',
      '  - data: "{{word}}"\n    end: ctrl-z\n',
      '  - wait: "+CMTI: 1"\n',
      '  - sleep: 150ms\n',
      '  - publish: { topic: "news/{{word}}", payload: x }\n',
      '  - broker: { received: { topic: news } }\n',
      '  - server: { http: { path: /x } }\n',
      '  - todo: "7 | reboot | |"\n',
      '  - send: "AT+X={{nope}}"\n',
      '  - serve: { tcp: { send: "{{nope}}" } }\n',
    ].join(''),
    new ScriptedPeer(),
    { vars: { word: 'hello' } },
  )
  t.same(
    steps.map(step => skipStep('steps', step, ctx, 'not run').action),
    [
      'hello',
      'hello + ctrl-z',
      'wait for URC',
      'sleep 150ms',
      'broker publishes on news/hello',
      'check the broker',
      'check the servers',
      'todo: 7 | reboot | |',
      'AT+X={{nope}}',
      'tcp send',
    ],
  )
})
