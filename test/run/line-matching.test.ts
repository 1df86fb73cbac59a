/** Matching received lines against rendered expectations: exact and regex lines, captures, order, and lines that must not appear. */
import t from 'tap'
import {
  captureGroups,
  describeMatcher,
  doesLineMatch,
  findForbiddenLine,
  matchInOrder,
  type RenderedMatcher,
} from '../../src/run/line-matching.js'

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

t.test('a matcher is shown as the user wrote it: the text, or /source/flags', async t => {
  t.equal(describeMatcher(exact('+CMQTTCONNECT: 0,0')), '+CMQTTCONNECT: 0,0')
  const folded: RenderedMatcher = { kind: 'regex', re: new RegExp('^\\+csq: \\d+', 'i'), source: '^\\+csq: \\d+' }
  t.equal(describeMatcher(folded), '/^\\+csq: \\d+/i')
  t.equal(describeMatcher(regex('^OK$')), '/^OK$/')
})

t.test('a regex captures nothing from a line it does not match', async t => {
  t.strictSame(captureGroups(regex('^\\+CSQ: (?<rssi>\\d+)'), '+CREG: 0,1'), {})
})

t.test('an optional group that took no part in the match captures nothing', async t => {
  t.strictSame(captureGroups(regex('^\\+CSQ: (?<rssi>\\d+)(?:,(?<ber>\\d+))?$'), '+CSQ: 23'), { rssi: '23' })
  // So a later matcher's empty group does not wipe out what an earlier one captured under the same name.
  const lines = ['+CGPADDR: 1,10.0.0.2', '+CGPADDR: 2']
  const matched = matchInOrder([regex('^\\+CGPADDR: 1,(?<ip>[\\d.]+)$'), regex('^\\+CGPADDR: 2(?:,(?<ip>[\\d.]+))?$')], lines)
  t.same(matched.positions, [0, 1])
  t.strictSame(matched.captures, { ip: '10.0.0.2' })
})

t.test('matchers find their lines in order, and one missing line does not hide the rest', async t => {
  const lines = ['+CMQTTRXSTART: 0,9,60', '+CMQTTRXTOPIC: 0,9', 'simcommsg', '+CMQTTRXEND: 0']
  t.same(matchInOrder([exact('+CMQTTRXTOPIC: 0,9'), exact('+CMQTTRXEND: 0')], lines).positions, [1, 3])
  t.same(matchInOrder([exact('+CMQTTRXEND: 0'), exact('+CMQTTRXTOPIC: 0,9')], lines).positions, [3, -1])
  t.same(matchInOrder([exact('nope'), exact('simcommsg')], lines).positions, [-1, 2])
  // A missing line does not send the next matcher back to lines before the last one found.
  t.same(matchInOrder([exact('simcommsg'), exact('nope'), exact('+CMQTTRXTOPIC: 0,9')], lines).positions, [2, -1, -1])
})

t.test('one line satisfies one matcher: two equal matchers need two lines', async t => {
  t.same(matchInOrder([exact('OK'), exact('OK')], ['OK', 'OK']).positions, [0, 1])
  t.same(matchInOrder([exact('OK'), exact('OK')], ['OK', 'ERROR']).positions, [0, -1])
})

t.test('the captures of every matcher that found its line are kept, the first line included', async t => {
  const lines = ['+CSQ: 23,99', '+CREG: 0,1']
  const matched = matchInOrder([regex('^\\+CSQ: (?<rssi>\\d+),'), regex('^\\+CREG: \\d,(?<stat>\\d)$'), regex('^(?<none>nope)$')], lines)
  t.same(matched.positions, [0, 1, -1])
  t.strictSame(matched.captures, { rssi: '23', stat: '1' })
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
