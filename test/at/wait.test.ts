/**
 * One wait ends exactly once, through `finish`, and leaves no timer or abort listener behind; its causes read
 * the signal's reason as a user sees it.
 */
import t from 'tap'
import { describeAbortReason, describeError, describeTimeout, startWait } from '../../src/at/wait.js'

const activeTimers = (): number => process.getActiveResourcesInfo().filter(name => name === 'Timeout').length

function startCounted(timeoutMs: number, signal?: AbortSignal) {
  const calls = { cleanup: 0, timeout: 0, cancel: 0 }
  const wait = startWait<string>({
    timeoutMs,
    ...(signal === undefined ? {} : { signal }),
    onTimeout: () => {
      calls.timeout++
      return 'timeout'
    },
    onCancel: () => {
      calls.cancel++
      return 'cancelled'
    },
    cleanup: () => {
      calls.cleanup++
    },
  })
  return { wait, calls }
}

t.test('finish ends the wait once: the first result wins, later calls return false and clean up nothing', async t => {
  const { wait, calls } = startCounted(5000)
  t.equal(wait.isDone, false)
  t.equal(wait.finish('first'), true)
  t.equal(wait.isDone, true)
  t.equal(wait.finish('second'), false)
  t.equal(await wait.promise, 'first')
  t.equal(calls.cleanup, 1, 'cleanup runs once')
})

t.test('finish clears the timeout timer, so none is left behind', async t => {
  const before = activeTimers()
  const { wait } = startCounted(5000)
  t.equal(activeTimers(), before + 1)
  wait.finish('done')
  t.equal(activeTimers(), before)
})

t.test('the timeout ends the wait with onTimeout', async t => {
  const { wait, calls } = startCounted(5)
  t.equal(await wait.promise, 'timeout')
  t.equal(calls.timeout, 1)
  t.equal(calls.cleanup, 1)
})

t.test('an abort after finish does not call onCancel: the abort listener is gone', async t => {
  const controller = new AbortController()
  const { wait, calls } = startCounted(5000, controller.signal)
  wait.finish('done')
  controller.abort()
  t.equal(calls.cancel, 0)
})

t.test('an abort ends a running wait with onCancel, once', async t => {
  const controller = new AbortController()
  const { wait, calls } = startCounted(5000, controller.signal)
  controller.abort()
  t.equal(await wait.promise, 'cancelled')
  t.equal(calls.cancel, 1)
  t.equal(calls.cleanup, 1)
})

t.test('an already aborted signal ends the wait at once with no timer', async t => {
  const controller = new AbortController()
  controller.abort()
  const before = activeTimers()
  const { wait, calls } = startCounted(5000, controller.signal)
  t.equal(wait.isDone, true)
  t.equal(await wait.promise, 'cancelled')
  t.equal(calls.cancel, 1)
  t.equal(activeTimers(), before)
})

t.test('describeAbortReason reads an Error, another reason, and no reason', async t => {
  t.equal(describeAbortReason(undefined), 'cancelled')
  const bare = new AbortController()
  t.equal(describeAbortReason(bare.signal), 'cancelled', 'a signal not yet aborted has no reason')
  const withError = new AbortController()
  withError.abort(new Error('interrupt'))
  t.equal(describeAbortReason(withError.signal), 'cancelled: interrupt')
  const withString = new AbortController()
  withString.abort('ctrl-c')
  t.equal(describeAbortReason(withString.signal), 'cancelled: ctrl-c')
  const plain = new AbortController()
  plain.abort()
  t.match(describeAbortReason(plain.signal), /^cancelled: .*abort/i, 'the default reason is a DOMException')
})

t.test('describeError reads an Error as its message and anything else as a string', async t => {
  t.equal(describeError(new Error('port gone')), 'port gone')
  t.equal(describeError('EIO'), 'EIO')
  t.equal(describeError(42), '42')
})

t.test('describeTimeout names what did not come and the window', async t => {
  t.equal(describeTimeout('no final result code', 30_000), 'no final result code within 30.0 s')
})
