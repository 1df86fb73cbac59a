import t from 'tap'
import { parseDocument } from 'yaml'
t.test('yaml', async t => {
  t.equal(parseDocument('a: 1').get('a'), 1)
})
