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
