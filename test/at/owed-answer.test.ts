/**
 * An owed final result code: settling on it ends when it arrives, when the settle time passes, or on a cancel.
 */
import t from 'tap'
import { OwedAnswer } from '../../src/at/owed-answer.js'

const activeTimers = (): number => process.getActiveResourcesInfo().filter(name => name === 'Timeout').length

t.test('a release while settling ends the settle as answered and clears its timer', async t => {
  const owed = new OwedAnswer('AT+A')
  const before = activeTimers()
  const settling = owed.settle(5000, undefined)
  owed.release()
  t.equal(await settling, 'answered')
  t.equal(activeTimers(), before)
})

t.test('a release before the settle answers it at once, with no timer', async t => {
  const owed = new OwedAnswer('AT+A')
  owed.release()
  const before = activeTimers()
  const settling = owed.settle(5000, undefined)
  t.equal(activeTimers(), before)
  t.equal(await settling, 'answered')
})

t.test('with no answer the settle time passes', async t => {
  t.equal(await new OwedAnswer('AT+A').settle(5, undefined), 'settled')
})

t.test('an abort cancels the settle, and an already aborted signal at once', async t => {
  const controller = new AbortController()
  const settling = new OwedAnswer('AT+A').settle(5000, controller.signal)
  controller.abort()
  t.equal(await settling, 'cancelled')
  t.equal(await new OwedAnswer('AT+B').settle(5000, controller.signal), 'cancelled')
})

t.test('a release after a settle that passed does not end a later one twice', async t => {
  const owed = new OwedAnswer('AT+A')
  t.equal(await owed.settle(1, undefined), 'settled')
  owed.release()
  t.equal(await owed.settle(5000, undefined), 'answered')
})
