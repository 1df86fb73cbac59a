import t from 'tap'
import { describeBrokerMessage, listBrokerLines } from '../../../src/report/html/broker-evidence.js'
import { buildReportView } from '../../../src/report/html/report-view.js'
import { brokerQosRun } from '../fixtures/broker-run.js'
import { failingRun } from '../fixtures/runs.js'

t.test("a step's Received column holds what the broker received in its window, with QoS and retain", async t => {
  const record = brokerQosRun()
  const step = record.steps.find(s => s.no === '9')!
  t.same(listBrokerLines(record, step), [{ kind: 'broker', text: 'broker: topic dddrrrggghhhk, payload "hello", qos 0, retain false' }])
  const view = buildReportView(record).failureRows.find(row => row.no === '9')!
  t.ok(view.expected.includes('broker: topic dddrrrggghhhk, payload "hello", qos 1'), 'the check is under Expected')
  t.same(
    view.received.filter(line => line.kind === 'broker').map(line => line.text),
    ['broker: topic dddrrrggghhhk, payload "hello", qos 0, retain false'],
    'the message arrived with another QoS, and the page shows it',
  )
})

t.test('messages outside the window, skipped steps and runs without a broker show nothing', async t => {
  const record = brokerQosRun()
  const skipped = record.steps.find(s => s.no === '10')!
  t.same(listBrokerLines(record, { ...skipped, durationMs: 10_000 }), [], 'a skipped step received nothing')
  const first = record.steps[0]!
  t.same(listBrokerLines(record, first), [], 'a message before or after the step is not its evidence')
  t.same(listBrokerLines(failingRun(), failingRun().steps[0]!), [])
})

t.test('a will is named, and payload bytes are shown escaped', async t => {
  t.equal(
    describeBrokerMessage({ atMs: 0, topic: 'w', payload: Buffer.from('a\r\n').toString('base64'), qos: 1, retain: true, isWill: true }),
    'broker: will, topic w, payload "a\\r\\n", qos 1, retain true',
  )
})

t.test("a step's window holds its start and its end, whatever order the messages were kept in", async t => {
  const message = (atMs: number, topic: string) => ({ atMs, topic, payload: '', qos: 0 as const, retain: false, isWill: false })
  const record = {
    broker: { messages: [message(30, 'end'), message(9, 'before'), message(10, 'start'), message(31, 'after'), message(20, 'mid')] },
  }
  const step = { status: 'passed' as const, startedAtMs: 10, durationMs: 20 }
  t.same(
    listBrokerLines(record, step).map(line => /topic (\w+)/.exec(line.text)?.[1]),
    ['start', 'mid', 'end'],
  )
  t.same(listBrokerLines(record, { ...step, startedAtMs: 32 }), [], 'a window after every message')
  t.same(listBrokerLines(record, { ...step, startedAtMs: 0, durationMs: 8 }), [], 'a window before every message')
})
