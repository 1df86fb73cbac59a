/**
 * Every expectation form the schema accepts is either enforced at run time or rejected by validate: for each
 * enforced form, generated runs that violate it must fail the step; `{ not: }` where it has no meaning is a located error.
 */
import t from 'tap'
import fc from 'fast-check'
import { loadSequenceText } from '../../src/sequence/index.js'
import type { SimModem } from '../../src/sim/sim-modem.js'
import { runYamlOnSim, stepNo } from '../helpers/run-on-sim.js'

const header = 'sequence: forms\ndevice: simcom-a76xx\n'
/** A response line no command of the simulator sends, and that no final result code or prompt looks like. */
const line = fc.stringMatching(/^\+Q[A-Z]{1,6}: [0-9a-z]{1,8}$/)
const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** Makes the simulator answer `AT` with `injected` before its own reply. */
function injectBeforeReply(injected: string): (modem: SimModem) => void {
  return modem => {
    const original = modem.receive.bind(modem)
    modem.receive = (bytes: Buffer): void => {
      if (bytes.toString('latin1').startsWith('AT\r')) modem.injectGarbage(`\r\n${injected}\r\n`)
      original(bytes)
    }
  }
}

interface Violation {
  name: string
  /** The step under test, numbered "1", as YAML; `abort` adds a sequence-level abort line. */
  yaml: (text: string) => string
  onSimModem?: (text: string) => (modem: SimModem) => void
}

const VIOLATIONS: Violation[] = [
  { name: 'expect: exact line that never comes', yaml: text => `  - no: "1"\n    send: AT\n    expect: [${JSON.stringify(text)}, OK]\n` },
  {
    name: 'expect: /regex/ that never matches',
    yaml: text => `  - no: "1"\n    send: AT\n    expect: [${JSON.stringify(`/^${escapeRegex(text)}$/`)}, OK]\n`,
  },
  { name: 'expect: a final result code other than the one that comes', yaml: () => `  - no: "1"\n    send: AT\n    expect: ERROR\n` },
  {
    name: 'expect: { not: line } when the line arrives',
    yaml: text => `  - no: "1"\n    send: AT\n    expect: [{ not: ${JSON.stringify(text)} }, OK]\n`,
    onSimModem: injectBeforeReply,
  },
  {
    name: 'expect: { not: /regex/ } when a matching line arrives',
    yaml: text => `  - no: "1"\n    send: AT\n    expect: [{ not: ${JSON.stringify(`/^${escapeRegex(text)}/`)} }, OK]\n`,
    onSimModem: injectBeforeReply,
  },
  {
    name: 'urc: a line that never arrives',
    yaml: text => `  - no: "1"\n    send: AT\n    urc: ${JSON.stringify(text)}\n    timeout: 100ms\n`,
  },
  { name: 'wait: a line that never arrives', yaml: text => `  - no: "1"\n    wait: ${JSON.stringify(text)}\n    timeout: 100ms\n` },
  {
    name: 'abort: a line that arrives',
    yaml: () => `  - no: "1"\n    send: AT\n`,
    onSimModem: injectBeforeReply,
  },
]

for (const violation of VIOLATIONS) {
  t.test(`a run that violates ${violation.name} fails the step`, async t => {
    await fc.assert(
      fc.asyncProperty(line, async text => {
        const abort = violation.name.startsWith('abort') ? `abort: ${JSON.stringify(text)}\n` : ''
        const { record } = await runYamlOnSim(t, `${header}${abort}steps:\n${violation.yaml(text)}`, {
          identify: false,
          ...(violation.onSimModem ? { onSimModem: violation.onSimModem(text) } : {}),
        })
        const step = stepNo(record, '1')
        return step.status === 'failed' && record.exitCode === 1
      }),
      { numRuns: 4 },
    )
  })
}

t.test('{ not: } under urc:, wait: and abort: is rejected by validate with its location', async () => {
  fc.assert(
    fc.property(line, fc.constantFrom('urc', 'wait', 'abort'), (text, key) => {
      const yaml =
        key === 'abort'
          ? `sequence: s\nabort:\n  - not: ${JSON.stringify(text)}\nsteps:\n  - send: AT\n`
          : `sequence: s\nsteps:\n  - ${key === 'wait' ? '' : 'send: AT\n    '}${key}:\n      - not: ${JSON.stringify(text)}\n`
      const { sequence, diagnostics } = loadSequenceText('x.yaml', Buffer.from(yaml))
      const found = diagnostics.find(d => d.code === 'misplaced-not')
      return sequence === undefined && found !== undefined && found.at.line === (key === 'abort' ? 3 : key === 'wait' ? 4 : 5)
    }),
    { numRuns: 30 },
  )
})

t.test('a run that keeps every form passes (the violations above are what fails them)', async t => {
  const { record } = await runYamlOnSim(
    t,
    `${header}abort: "+QNEVER: 1"\nsteps:\n  - no: "1"\n    send: AT\n    expect: [{ not: "+QNEVER: 2" }, "/^OK$/"]\n`,
    { identify: false },
  )
  t.equal(record.status, 'passed')
})
