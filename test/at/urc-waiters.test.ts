/**
 * URC waits: each ends once, on a match, a timeout, a cancel, an abort line or the end of all waits, says why in its
 * cause, and leaves no taker behind to swallow a later URC.
 */
import t from 'tap'
import type { ChatLine } from '../../src/at/chat-types.js'
import { UrcBuffer } from '../../src/at/urc-buffer.js'
import { UrcWaiters } from '../../src/at/urc-waiters.js'

const urc = (text: string): ChatLine => ({ atMs: 0, kind: 'urc', text })
const isPing = (line: ChatLine): boolean => line.text.startsWith('+CMQTTPING:')

function startWaiters(): { urcs: UrcBuffer; waiters: UrcWaiters } {
  const urcs = new UrcBuffer()
  return { urcs, waiters: new UrcWaiters(urcs, () => 0) }
}

t.test('an abort line ends the wait as aborted, naming the line', async t => {
  const { waiters } = startWaiters()
  const waiting = waiters.wait(isPing, { timeoutMs: 5000, isAbort: line => line === '+CMQTTCONNLOST: 0,1' }, undefined)
  waiters.abortOn(urc('+CMQTTRXSTART: 0,1,1'))
  waiters.abortOn(urc('+CMQTTCONNLOST: 0,1'))
  const wait = await waiting
  t.equal(wait.outcome, 'aborted')
  t.equal(wait.abortLine, '+CMQTTCONNLOST: 0,1')
  t.match(wait.cause, /abort line: \+CMQTTCONNLOST: 0,1/)
})

t.test('ending all waits gives each the outcome and its cause', async t => {
  const { waiters } = startWaiters()
  const first = waiters.wait(isPing, { timeoutMs: 5000 }, undefined)
  const second = waiters.wait(line => line.text === '+X', { timeoutMs: 5000 }, undefined)
  waiters.endAll('dropped', 'port closed')
  for (const wait of await Promise.all([first, second])) {
    t.equal(wait.outcome, 'dropped')
    t.equal(wait.cause, 'port closed')
  }
})

t.test('a timeout names what did not come and its window', async t => {
  const { waiters } = startWaiters()
  const wait = await waiters.wait(isPing, { timeoutMs: 5 }, undefined)
  t.equal(wait.outcome, 'timeout')
  t.equal(wait.cause, 'no matching URC within 5 ms')
})

t.test('a cancel gives the reason of the signal', async t => {
  const { waiters } = startWaiters()
  const controller = new AbortController()
  const waiting = waiters.wait(isPing, { timeoutMs: 5000, signal: controller.signal }, undefined)
  controller.abort(new Error('interrupt'))
  const wait = await waiting
  t.equal(wait.outcome, 'cancelled')
  t.equal(wait.cause, 'cancelled: interrupt')
})

t.test('a wait that timed out takes no later URC: it stays buffered for the next waiter', async t => {
  const { urcs, waiters } = startWaiters()
  t.equal((await waiters.wait(isPing, { timeoutMs: 1 }, undefined)).outcome, 'timeout')
  urcs.push(urc('+CMQTTPING: 0,1'))
  t.same(
    urcs.peek().map(line => line.text),
    ['+CMQTTPING: 0,1'],
  )
  t.equal(urcs.takerCount, 0)
})

t.test('a wait cancelled before it starts takes no later URC', async t => {
  const { urcs, waiters } = startWaiters()
  const controller = new AbortController()
  controller.abort()
  t.equal((await waiters.wait(isPing, { timeoutMs: 5000, signal: controller.signal }, undefined)).outcome, 'cancelled')
  urcs.push(urc('+CMQTTPING: 0,1'))
  t.same(
    urcs.peek().map(line => line.text),
    ['+CMQTTPING: 0,1'],
  )
})

t.test('a matching URC ends the wait as matched, once', async t => {
  const { urcs, waiters } = startWaiters()
  const waiting = waiters.wait(isPing, { timeoutMs: 5000 }, undefined)
  urcs.push(urc('+CMQTTPING: 0,1'))
  const wait = await waiting
  t.equal(wait.outcome, 'matched')
  t.equal(wait.urc?.text, '+CMQTTPING: 0,1')
  urcs.push(urc('+CMQTTPING: 0,2'))
  t.same(
    urcs.peek().map(line => line.text),
    ['+CMQTTPING: 0,2'],
  )
})
