/**
 * The receive budget of one step: chunks are kept up to exactly `maxBytes`, the one that passes it overflows,
 * and every later chunk is dropped and counted until the next step resets it; lines are bounded the same way.
 */
import t from 'tap'
import { ReceiveBudget, describeBytes } from '../../src/at/receive-budget.js'

t.test('a chunk that brings the count to exactly maxBytes is kept; the next byte overflows', async t => {
  const budget = new ReceiveBudget(10, 100)
  t.equal(budget.take(4), 'keep')
  t.equal(budget.take(6), 'keep', 'ten of ten bytes')
  t.equal(budget.cause, undefined, 'not spent at the limit')
  t.equal(budget.take(1), 'overflow')
  t.equal(budget.cause, 'more than 10 bytes')
})

t.test('once spent, every chunk is dropped and counted, and reset reports what was dropped', async t => {
  const budget = new ReceiveBudget(5, 100)
  t.equal(budget.take(8), 'overflow')
  t.equal(budget.take(3), 'drop')
  t.equal(budget.take(1), 'drop')
  t.equal(budget.cause, 'more than 5 bytes', 'the first cause stays')
  t.same(budget.reset(), { cause: 'more than 5 bytes', droppedBytes: 12 })
  t.equal(budget.cause, undefined, 'a fresh budget')
  t.equal(budget.reset(), undefined, 'nothing to report after a reset')
  t.equal(budget.take(5), 'keep', 'the counts start again from zero')
})

t.test('exactly maxLines lines are kept; the next one spends the budget', async t => {
  const budget = new ReceiveBudget(1000, 3)
  t.same([budget.takeLine(), budget.takeLine(), budget.takeLine()], [true, true, true])
  t.equal(budget.cause, undefined)
  t.equal(budget.takeLine(), false)
  t.equal(budget.cause, 'more than 3 lines')
  t.equal(budget.take(1), 'drop', 'a spent budget drops bytes too')
})

t.test('exceed spends the budget with its cause; the first cause wins', async t => {
  const budget = new ReceiveBudget(1000, 100)
  budget.exceed('a line longer than 64 bytes')
  t.equal(budget.cause, 'a line longer than 64 bytes')
  budget.exceed('more than 100 lines')
  t.equal(budget.cause, 'a line longer than 64 bytes')
  t.equal(budget.take(1), 'drop')
  t.same(budget.reset(), { cause: 'a line longer than 64 bytes', droppedBytes: 1 })
})

t.test('describeBytes names whole mebibytes in MiB and anything else in bytes', async t => {
  t.equal(describeBytes(16 * 1024 * 1024), '16 MiB')
  t.equal(describeBytes(1024 * 1024), '1 MiB')
  t.equal(describeBytes(1500), '1500 bytes')
  t.equal(describeBytes(1024 * 1024 + 1), '1048577 bytes')
  const budget = new ReceiveBudget(2 * 1024 * 1024, 100)
  t.equal(budget.take(2 * 1024 * 1024 + 1), 'overflow')
  t.equal(budget.cause, 'more than 2 MiB', 'the cause a user reads in the step failure')
})
