/** The escape from online data mode, byte by byte with explicit times: only a lone `+++` between guard times escapes. */
import t from 'tap'
import { EscapeSequence } from '../../src/sim/escape-sequence.js'

const GUARD_MS = 40

function watch(): { escape: EscapeSequence; data: () => string; escapes: () => number } {
  let data = ''
  let escapes = 0
  const escape = new EscapeSequence(
    GUARD_MS,
    bytes => (data += bytes.toString('latin1')),
    () => (escapes += 1),
    0,
  )
  return { escape, data: () => data, escapes: () => escapes }
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

t.test('+++ split over three writes after the guard time is the escape, and none of it is data', async t => {
  const w = watch()
  w.escape.receive(Buffer.from('ab'), 0)
  w.escape.receive(Buffer.from('+'), 100)
  w.escape.receive(Buffer.from('+'), 110)
  w.escape.receive(Buffer.from('+'), 120)
  t.equal(w.data(), 'ab')
  await sleep(GUARD_MS * 2)
  t.equal(w.escapes(), 1)
  t.equal(w.data(), 'ab')
  w.escape.stop()
})

t.test('+++ right after data, a byte inside the guard after it, or a fourth + make it data', async t => {
  const w = watch()
  w.escape.receive(Buffer.from('x+++'), 100)
  t.equal(w.data(), 'x+++')
  w.escape.receive(Buffer.from('+++'), 200)
  w.escape.receive(Buffer.from('y'), 210)
  t.equal(w.data(), 'x++++++y')
  w.escape.receive(Buffer.from('++++'), 300)
  t.equal(w.data(), 'x++++++y++++')
  await sleep(GUARD_MS * 2)
  t.equal(w.escapes(), 0)
  w.escape.stop()
})

t.test('fewer than three + after the guard time are data once the guard time passes', async t => {
  const w = watch()
  w.escape.receive(Buffer.from('++'), 100)
  t.equal(w.data(), '')
  await sleep(GUARD_MS * 2)
  t.equal(w.data(), '++')
  t.equal(w.escapes(), 0)
})

t.test('stop drops held + and cancels the pending escape', async t => {
  const w = watch()
  w.escape.receive(Buffer.from('+++'), 100)
  w.escape.stop()
  await sleep(GUARD_MS * 2)
  t.equal(w.escapes(), 0)
  t.equal(w.data(), '')
})
