import t from 'tap'
import { judgeRegexSource } from '../../src/sequence/judge-regex-source.js'
import { loadSequenceText } from '../../src/sequence/index.js'

t.test('a pattern is judged as V8 and the linear-time engine compile it', async t => {
  t.equal(judgeRegexSource('^\\+CSQ: (?<rssi>\\d+),(?<ber>\\d+)$', '').kind, 'valid')
  t.equal(judgeRegexSource('^(a', '').kind, 'bad-regex')
  t.equal(judgeRegexSource('a', 'q').kind, 'bad-regex')
  t.equal(judgeRegexSource('a(?=b)', '').kind, 'regex-unsupported')
  t.equal(judgeRegexSource('(a)\\1', 'i').kind, 'regex-unsupported')
})

t.test('the flags are part of what is judged', async t => {
  t.equal(judgeRegexSource('\\p{L}', '').kind, 'valid')
  t.equal(judgeRegexSource('\\p{', 'u').kind, 'bad-regex')
  t.not(judgeRegexSource('\\p{', '').kind, 'bad-regex', 'without u, V8 reads \\p{ as plain text')
})

t.test('a pattern seen before is not compiled again', async t => {
  const first = judgeRegexSource('^\\+CREG: \\d,(?<stat>[15])$', 'm')
  t.equal(judgeRegexSource('^\\+CREG: \\d,(?<stat>[15])$', 'm'), first, 'the same verdict, not a new one')
  t.not(judgeRegexSource('^\\+CREG: \\d,(?<stat>[15])$', ''), first, 'other flags, another verdict')
})

t.test('the same bad pattern in two steps and two files is reported every time, located', async t => {
  const text = 'sequence: s\nsteps:\n  - send: AT\n    expect: ["/(x/", OK]\n  - send: AT\n    expect: ["/a(?=b)/", "/(x/"]\n'
  for (const file of ['a.yaml', 'b.yaml']) {
    const { diagnostics } = loadSequenceText(file, Buffer.from(text))
    t.same(
      diagnostics.map(d => [d.code, d.at.line, d.at.col]),
      [
        ['bad-regex', 4, 16],
        ['regex-unsupported', 6, 16],
        ['bad-regex', 6, 28],
      ],
    )
  }
})

t.test("a bad pattern's reason is the engine's own words, without the pattern repeated", async t => {
  t.same(judgeRegexSource('^(a', ''), { kind: 'bad-regex', reason: 'Unterminated group' })
  t.same(judgeRegexSource('\\p{', 'u'), { kind: 'bad-regex', reason: 'Invalid property name' })
  t.same(judgeRegexSource('(?<n>a)(?<n>b)', 'su'), { kind: 'bad-regex', reason: 'Duplicate capture group name' })
  t.same(judgeRegexSource('a', 'q'), { kind: 'bad-regex', reason: "Invalid flags supplied to RegExp constructor 'q'" })
  t.same(judgeRegexSource('a(?=b)', ''), {
    kind: 'regex-unsupported',
    reason:
      'not supported by the linear-time engine (error parsing regexp: invalid or unsupported Perl syntax: `(?=`); lookaround (?= (?! (?<= (?<! and backreferences \\1 are not',
  })
})

t.test('verdicts of several patterns are all kept', async t => {
  const csq = judgeRegexSource('^\\+CSQ: (\\d+)', '')
  const cpin = judgeRegexSource('^\\+CPIN: (\\w+)', '')
  t.equal(judgeRegexSource('^\\+CSQ: (\\d+)', ''), csq)
  t.equal(judgeRegexSource('^\\+CPIN: (\\w+)', ''), cpin)
})

t.test('at most 2000 verdicts are kept, however many patterns a folder holds', async t => {
  const marker = '^\\+MARKER: (\\d+)$'
  let fresh = 0
  const judgeFresh = (): void => void judgeRegexSource(`^\\+FRESH${fresh++}: (\\d+)$`, '')
  // Judge new patterns until the marker's verdict is forgotten: the store was just emptied, so it holds 2 verdicts.
  const first = judgeRegexSource(marker, '')
  while (fresh <= 2_000 && judgeRegexSource(marker, '') === first) judgeFresh()
  const second = judgeRegexSource(marker, '')
  t.not(second, first, 'forgotten within 2000 new patterns')
  for (let i = 0; i < 1_998; i++) judgeFresh()
  t.equal(judgeRegexSource(marker, ''), second, 'still kept with 2000 verdicts in store')
  judgeFresh()
  t.not(judgeRegexSource(marker, ''), second, 'forgotten when the 2001st arrives')
})
