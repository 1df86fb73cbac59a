import t from 'tap'
import { performance } from 'node:perf_hooks'
import { startMonotonicClock } from '../../src/at/chat-settings.js'

t.test('the default clock counts from its own creation and only goes forward', async t => {
  const before = performance.now()
  const clock = startMonotonicClock()
  const first = clock()
  const after = performance.now()
  t.ok(first >= 0 && first <= after - before, `reads the time since it was made (${first} ms)`)
  await new Promise(resolve => setTimeout(resolve, 5))
  t.ok(clock() > first, 'counts the time that passed')
})
