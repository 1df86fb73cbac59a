import t from 'tap'
import { Listeners } from '../../src/at/listeners.js'

t.test('every listener hears each event in the order added, until removed', async t => {
  const listeners = new Listeners<number>()
  const heard: string[] = []
  const removeA = listeners.add(n => heard.push(`a${n}`))
  listeners.add(n => heard.push(`b${n}`))
  listeners.emit(1)
  removeA()
  listeners.emit(2)
  t.same(heard, ['a1', 'b1', 'b2'])
})
