import t from 'tap'
import { captureGroups, doesLineMatch, findForbiddenLine, matchInOrder, type RenderedMatcher } from '../../src/run/line-matching.js'

const exact = (text: string): RenderedMatcher => ({ kind: 'exact', text })
const regex = (source: string): RenderedMatcher => ({ kind: 'regex', re: new RegExp(source), source })

t.test('exact lines ignore trailing white space only', async t => {
  t.ok(doesLineMatch(exact('>'), '> '))
  t.ok(doesLineMatch(exact('OK'), 'OK'))
  t.notOk(doesLineMatch(exact('OK'), ' OK'))
  t.notOk(doesLineMatch(exact('+CMQTTCONNECT: 0,0'), '+CMQTTCONNECT: 0,11'))
})

t.test('regex named groups become captures', async t => {
  t.same(captureGroups(regex('^\\+CSQ: (?<rssi>\\d+),(?<ber>\\d+)$'), '+CSQ: 23,99'), { rssi: '23', ber: '99' })
  t.same(captureGroups(exact('OK'), 'OK'), {})
})

t.test('matchers find their lines in order, and one missing line does not hide the rest', async t => {
  const lines = ['+CMQTTRXSTART: 0,9,60', '+CMQTTRXTOPIC: 0,9', 'simcommsg', '+CMQTTRXEND: 0']
  t.same(matchInOrder([exact('+CMQTTRXTOPIC: 0,9'), exact('+CMQTTRXEND: 0')], lines).positions, [1, 3])
  t.same(matchInOrder([exact('+CMQTTRXEND: 0'), exact('+CMQTTRXTOPIC: 0,9')], lines).positions, [3, -1])
  t.same(matchInOrder([exact('nope'), exact('simcommsg')], lines).positions, [-1, 2])
})

t.test('a regex with the global flag matches the same line twice', async t => {
  const matcher: RenderedMatcher = { kind: 'regex', re: /OK/g, source: 'OK' }
  t.ok(doesLineMatch(matcher, 'OK'))
  t.ok(doesLineMatch(matcher, 'OK'))
})

t.test('forbidden lines are found wherever they arrive', async t => {
  t.same(findForbiddenLine([regex('ERROR')], ['OK', '+CME ERROR: 10']), { matcher: regex('ERROR'), line: '+CME ERROR: 10' })
  t.equal(findForbiddenLine([exact('ERROR')], ['OK']), undefined)
})
