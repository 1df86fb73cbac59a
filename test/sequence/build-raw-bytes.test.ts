/** `expect: { raw: ... }` is kept apart from the lines: raw bytes never become a line matcher or the final result code. */
import t from 'tap'
import { loadSequenceText } from '../../src/sequence/index.js'

function load(lines: string[]): ReturnType<typeof loadSequenceText> {
  return loadSequenceText('raw.yaml', Buffer.from(['sequence: raw', 'steps:', ...lines].join('\n')))
}

t.test('raw items are built apart, in order, and the final result code is still the last line', async t => {
  const { sequence, diagnostics } = load([
    '  - { send: ATO, expect: [CONNECT 115200, { raw: "ping" }, { raw: "{{x}}" }] }',
    'vars: { x: y }',
  ])
  t.same(diagnostics, [])
  const step = sequence?.steps[0]
  t.same(
    step?.raw?.map(raw => raw.text),
    ['ping', '{{x}}'],
  )
  t.equal(step?.final?.matcher.kind === 'exact' ? step.final.matcher.text.text : undefined, 'CONNECT 115200')
  t.same(step?.expect, [])
})

t.test('a single raw expectation, and none at all', async t => {
  const one = load(['  - { data: abc, expect: { raw: abc } }']).sequence?.steps[0]
  t.same(
    one?.raw?.map(raw => raw.text),
    ['abc'],
  )
  t.equal(one?.final, undefined)
  t.equal(load(['  - { send: AT, expect: OK }']).sequence?.steps[0]?.raw, undefined)
})

t.test('raw is an expect item only: under urc: or with an empty text it is invalid', async t => {
  t.ok(load(['  - { send: AT, urc: { raw: abc } }']).diagnostics.length > 0)
  t.ok(load(['  - { send: AT, expect: { raw: "" } }']).diagnostics.length > 0)
})
