import t from 'tap'
import type { LineMatcher, Template } from '../../src/model/sequence.js'
import { isFinalResultLine, isFinalResultMatcher, isRegexLiteral, parseLineText } from '../../src/sequence/line-matcher.js'

const AT = { file: 't.yaml', line: 3, col: 11 }

function written(text: string): Template {
  return { text, at: AT }
}

function regex(pattern: string): LineMatcher {
  return { kind: 'regex', pattern: written(pattern), flags: '' }
}

t.test('a line written between slashes is a regex with its flags; anything else is an exact line', async t => {
  t.same(parseLineText(written('/^\\+CMQTTSTART: (\\d+)$/i')), {
    kind: 'regex',
    pattern: { text: '^\\+CMQTTSTART: (\\d+)$', at: { ...AT, col: 12 } },
    flags: 'i',
  })
  t.same(parseLineText(written('/a\nb/s')), { kind: 'regex', pattern: { text: 'a\nb', at: { ...AT, col: 12 } }, flags: 's' })
  for (const text of ['OK', 'x/OK/', '/OK/ ', '/OK/z', '/OK', '//']) {
    t.same(parseLineText(written(text)), { kind: 'exact', text: written(text) }, `${JSON.stringify(text)} is exact`)
    t.equal(isRegexLiteral(text), false, `${JSON.stringify(text)} is not a regex literal`)
  }
  t.equal(isRegexLiteral('/OK/gim'), true)
})

t.test('a response line is final when it is a result code or the data prompt, whatever spaces follow it', async t => {
  for (const line of ['OK', 'OK  ', 'ERROR\t', '>', '> ', '+CME ERROR: 10', 'NO CARRIER', 'CONNECT 115200'])
    t.equal(isFinalResultLine(line), true, JSON.stringify(line))
  for (const line of [' OK', '+CMQTTSTART: 0', 'SEND OK', 'OKAY', '', '>>']) t.equal(isFinalResultLine(line), false, JSON.stringify(line))
  t.equal(isFinalResultLine('SEND OK', ['SEND OK']), true, "a family's own final counts when the family names it")
  t.equal(isFinalResultMatcher({ kind: 'exact', text: written('SEND OK') }, ['SEND OK']), true)
  t.equal(isFinalResultMatcher({ kind: 'exact', text: written('SEND OK') }), false)
})

t.test('a regex matcher is final only when every alternative it allows is a final result code', async t => {
  const finals = [
    '^OK$',
    '(OK)',
    '^(?:OK|ERROR)$',
    '(OK)|(ERROR)',
    '^((OK)|(ERROR))$',
    '^\\+CME ERROR: (\\d+)$',
    '\\+CME ERROR: \\d+|OK',
    'OK|\\+CME ERROR: [|0-9]+',
    '^>$',
  ]
  for (const pattern of finals) t.equal(isFinalResultMatcher(regex(pattern)), true, `/${pattern}/ is final`)
  const notFinals = [
    'OK|\\+CMQTTSTART: 0',
    '\\+CMQTTSTART: 0|OK',
    // Alternatives nested inside a group are not looked into: such a matcher is read, conservatively, as not final.
    '^(OK|ERROR)|NO CARRIER$',
    '(OK)x',
    'OK.*',
    'OK\\$',
    '\\+CMQTT',
    '',
  ]
  for (const pattern of notFinals) t.equal(isFinalResultMatcher(regex(pattern)), false, `/${pattern}/ is not final`)
  t.equal(
    isFinalResultMatcher({ kind: 'absent', matcher: { kind: 'exact', text: written('OK') } }),
    false,
    'a line that must not come is no final',
  )
})
