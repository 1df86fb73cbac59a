import t from 'tap'
import { BrokerWaitError, createBrokerObserver, type ObservedMessage } from '../../../src/servers/broker/broker-observer.js'

function message(topic: string, atMs: number, extra: Partial<ObservedMessage> = {}): ObservedMessage {
  return { topic, payload: Buffer.from(topic), qos: 0, retain: false, isWill: false, atMs, ...extra }
}

t.test('waitFor resolves with an already observed message', async t => {
  const { observer, record } = createBrokerObserver()
  record(message('a', 10))
  record(message('b', 20))
  t.equal((await observer.waitFor(m => m.topic === 'b', { timeoutMs: 1000 })).atMs, 20)
})

t.test('waitFor ignores observed messages before since, then takes the next one', async t => {
  const { observer, record } = createBrokerObserver()
  record(message('a', 10))
  const waiting = observer.waitFor(m => m.topic === 'a', { timeoutMs: 1000, since: 11 })
  record(message('a', 9))
  record(message('other', 12))
  record(message('a', 12))
  t.equal((await waiting).atMs, 12)
})

t.test('waitFor rejects with code timeout and leaves no listener behind', async t => {
  const { observer, record } = createBrokerObserver()
  record(message('seen', 1))
  const error = await observer.waitFor(m => m.topic === 'never', { timeoutMs: 20 }).catch((e: unknown) => e)
  t.ok(error instanceof BrokerWaitError)
  t.equal((error as BrokerWaitError).code, 'timeout')
  t.match((error as Error).message, /seen/, 'names the topics that did arrive')
  let calls = 0
  const match = (m: ObservedMessage): boolean => {
    calls++
    return m.topic === 'never'
  }
  await observer.waitFor(match, { timeoutMs: 1 }).catch(() => undefined)
  const before = calls
  record(message('later', 2))
  t.equal(calls, before, 'the timed out wait no longer looks at new messages')
})

t.test('waitFor rejects with code aborted on the signal, before or during the wait', async t => {
  const { observer } = createBrokerObserver()
  const controller = new AbortController()
  const waiting = observer.waitFor(() => true, { timeoutMs: 60_000, signal: controller.signal })
  controller.abort(new Error('run stopped'))
  await t.rejects(waiting, { code: 'aborted' })
  await t.rejects(
    observer.waitFor(() => true, { timeoutMs: 60_000, signal: controller.signal }),
    { code: 'aborted' },
  )
})

t.test('an already aborted signal does not hide a message already there', async t => {
  const { observer, record } = createBrokerObserver()
  record(message('there', 1))
  t.equal((await observer.waitFor(() => true, { timeoutMs: 10, signal: AbortSignal.abort() })).topic, 'there')
})

t.test('a wait settles once even when two matches arrive together', async t => {
  const { observer, record } = createBrokerObserver()
  const waiting = observer.waitFor(m => m.topic === 'x', { timeoutMs: 1000 })
  record(message('x', 1))
  record(message('x', 2))
  t.equal((await waiting).atMs, 1)
})

t.test('on/off deliver messages to listeners; messages() is a copy', async t => {
  const { observer, record } = createBrokerObserver()
  const seen: string[] = []
  const listener = (m: ObservedMessage): void => {
    seen.push(m.topic)
  }
  observer.on('message', listener)
  record(message('one', 1))
  observer.off('message', listener)
  record(message('two', 2))
  t.same(seen, ['one'])
  observer.messages().pop()
  t.same(
    observer.messages().map(m => m.topic),
    ['one', 'two'],
  )
})

t.test('keeps only the last historyLimit messages', async t => {
  const { observer, record } = createBrokerObserver({ historyLimit: 2 })
  for (const atMs of [1, 2, 3]) record(message(`m${atMs}`, atMs))
  t.same(
    observer.messages().map(m => m.topic),
    ['m2', 'm3'],
  )
})
