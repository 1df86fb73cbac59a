import t from 'tap'
import { startMonotonicClock } from '../../src/at/chat-settings.js'

t.test('the default clock starts near zero and only goes forward', async t => {
  const clock = startMonotonicClock()
  const first = clock()
  t.ok(first >= 0 && first < 1000, `starts near zero (${first} ms)`)
  await new Promise(resolve => setTimeout(resolve, 5))
  const second = clock()
  t.ok(second >= first + 4, 'counts the time that passed')
})
