/** The process-wide cache of compiled step regexes: shared instances, flags apart, a bounded size, and `test` agreeing with `exec`. */
import t from 'tap'
import { compileStepRegex } from '../../src/run/compile-step-regex.js'
import { LinearRegExp } from '../../src/sequence/linear-regex.js'

t.test('a pattern is compiled once and shared by every step that renders it', async t => {
  const first = compileStepRegex('^\\+CSQ: (?<rssi>\\d+),\\d+$', '')
  t.ok(first instanceof LinearRegExp, 'it runs on the linear-time engine')
  t.equal(compileStepRegex('^\\+CSQ: (?<rssi>\\d+),\\d+$', ''), first)
  t.equal(first.exec('+CSQ: 23,0')?.groups?.rssi, '23')
})

t.test('the same source with other flags is another regex', async t => {
  const plain = compileStepRegex('^ok$', '')
  const folded = compileStepRegex('^ok$', 'i')
  t.not(plain, folded)
  t.notOk(plain.test('OK'))
  t.ok(folded.test('OK'))
})

t.test('a shared regex matches from the start whatever a previous match left in lastIndex', async t => {
  const re = compileStepRegex('CREG', 'g')
  t.ok(re.test('+CREG: 0,1'))
  re.lastIndex = 0
  t.ok(compileStepRegex('CREG', 'g').test('+CREG: 0,1'))
})

t.test('a pattern stays compiled while other patterns are compiled after it', async t => {
  const first = compileStepRegex('^\\+CREG: (?<stat>\\d)$', '')
  const other = compileStepRegex('^\\+CGREG: (?<stat>\\d)$', '')
  t.not(other, first)
  t.equal(compileStepRegex('^\\+CREG: (?<stat>\\d)$', ''), first)
  t.equal(compileStepRegex('^\\+CGREG: (?<stat>\\d)$', ''), other)
})

t.test('the cache is bounded: past 512 patterns the oldest is compiled anew', async t => {
  const oldest = compileStepRegex('^bounded-0$', '')
  for (let i = 1; i <= 512; i++) compileStepRegex(`^bounded-${i}$`, '')
  t.not(compileStepRegex('^bounded-0$', ''), oldest)
  t.equal(compileStepRegex('^bounded-512$', ''), compileStepRegex('^bounded-512$', ''))
})

t.test('a pattern re2js cannot run still throws, and is not remembered', async t => {
  t.throws(() => compileStepRegex('(a)\\1', ''), SyntaxError)
  t.throws(() => compileStepRegex('(a)\\1', ''), SyntaxError)
})

t.test('test answers as exec does, with every flag, without building the match', async t => {
  const cases: Array<[string, string, string, boolean]> = [
    ['^\\+CREG: \\d,\\d', '', '+CREG: 0,1', true],
    ['^\\+CREG: \\d,\\d', '', 'x+CREG: 0,1', false],
    ['creg', 'i', '+CREG: 0,1', true],
    ['^OK$', 'm', 'ERROR\nOK', true],
    ['^OK$', '', 'ERROR\nOK', false],
    ['A.B', 's', 'A\nB', true],
    ['A.B', '', 'A\nB', false],
    ['(?<rssi>\\d+),99', '', '+CSQ: 23,99', true],
  ]
  for (const [source, flags, line, expected] of cases) {
    const re = compileStepRegex(source, flags)
    t.equal(re.exec(line) !== null, expected, `exec /${source}/${flags} on ${JSON.stringify(line)}`)
    const test = compileStepRegex(`(?:${source})`, flags)
    test.exec = () => {
      throw new Error('test went through exec')
    }
    t.equal(test.test(line), expected, `test /${source}/${flags} on ${JSON.stringify(line)}`)
  }
})
