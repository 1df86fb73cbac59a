import t from 'tap'
import { listCloseCandidates, measureEditDistance, suggestClosest } from '../../src/sequence/suggest.js'

t.test('the edit distance counts insertions, deletions, substitutions and swaps of neighbours as one each', async t => {
  const cases: Array<[string, string, number]> = [
    ['', '', 0],
    ['abc', '', 3],
    ['', 'ab', 2],
    ['expect', 'expect', 0],
    ['expcet', 'expect', 1],
    ['ab', 'ba', 1],
    ['send', 'sned', 1],
    ['kitten', 'sitting', 3],
    ['timeout', 'timout', 1],
    ['urc', 'urcs', 1],
    // Each swap is of neighbours in the original word; a letter is never moved twice (optimal string alignment).
    ['ca', 'abc', 3],
  ]
  for (const [a, b, distance] of cases) {
    t.equal(measureEditDistance(a, b), distance, `${a} -> ${b}`)
    t.equal(measureEditDistance(b, a), distance, `${b} -> ${a}`)
  }
})

t.test('the closest key is suggested when it is within a third of the word, at least one edit', async t => {
  const keys = ['send', 'expect', 'urc', 'timeout']
  t.equal(suggestClosest('expcet', keys), 'expect')
  t.equal(suggestClosest('EXPECT', keys), 'expect', 'case does not count')
  t.equal(suggestClosest('exxxct', keys), 'expect', 'two edits in six letters')
  t.equal(suggestClosest('exxxxt', keys), undefined, 'three edits in six letters are too many')
  t.equal(suggestClosest('ur', keys), 'urc', 'a short word is allowed one edit')
  t.equal(suggestClosest('xy', keys), undefined)
  t.equal(suggestClosest('sen', ['send', 'seen']), 'send', 'of equally close keys, the first')
  t.equal(suggestClosest('sen', ['seen', 'send']), 'seen')
  t.equal(suggestClosest('send', []), undefined)
})

t.test('close names are listed closest first, then in alphabetical order, each once', async t => {
  t.same(listCloseCandidates('apn', ['apn1', 'apm', 'apn1', 'APN', 'xyz']), ['APN', 'apm', 'apn1'])
  t.same(listCloseCandidates('apn', ['apn1', 'apm', 'APN'], 2), ['APN', 'apm'])
  t.same(listCloseCandidates('abcd', ['abch', 'abcg', 'abcf', 'abce']), ['abce', 'abcf', 'abcg'], 'three by default')
  t.same(listCloseCandidates('topic', ['client', 'qos']), [])
  t.same(listCloseCandidates('ab', new Set(['ac', 'bc', 'abc'])), ['abc', 'ac'], 'any iterable')
})
