import t from 'tap'
import fc from 'fast-check'
import { showControlChars, showControlCharsDeep, showControlCharsInJson } from '../../../src/report/text/show-control-chars.js'

t.test('control characters become \\xNN; tab and line feed stay', async t => {
  t.equal(showControlChars('B05V02\u0000\u0007'), 'B05V02\\x00\\x07')
  t.equal(showControlChars('a\tb\nc\rd\u007f'), 'a\tb\nc\\x0dd\\x7f')
  t.equal(showControlChars('설정 OK'), '설정 OK')
})

t.test('every string of nested data is treated, other values are kept', async t => {
  const data = { a: '\u0000', list: ['x\u0001', { n: 3, ok: true, s: '\u001b' }], none: null }
  t.same(showControlCharsDeep(data), { a: '\\x00', list: ['x\\x01', { n: 3, ok: true, s: '\\x1b' }], none: null })
  t.same(data.a, '\u0000', 'the input is not changed')
  fc.assert(fc.property(fc.string({ unit: 'binary' }), s => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(showControlChars(s))))
})

t.test('the edges of each range: the range end is shown, the neighbour outside kept', async t => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['\u0000', '\\x00'],
    ['\u0008', '\\x08'],
    ['\u000b', '\\x0b'],
    ['\u001f', '\\x1f'],
    ['\u0020', '\u0020'],
    ['\u007e', '\u007e'],
    ['\u007f', '\\x7f'],
    ['\u0080', '\u0080'],
  ]
  for (const [input, shown] of cases) {
    t.equal(showControlChars(`a${input}b`), `a${shown}b`, input.charCodeAt(0).toString(16))
    t.same(showControlCharsDeep([`a${input}b`]), [`a${shown}b`], `nested ${input.charCodeAt(0).toString(16)}`)
  }
})

t.test('arrays stay arrays, at any depth', async t => {
  const shown = showControlCharsDeep({ list: ['\u0001', ['\u0002']] })
  t.ok(Array.isArray(shown.list) && Array.isArray(shown.list[1]))
})

t.test('in JSON text: parsing the result gives what showControlCharsDeep gives for the value', async t => {
  // Backslashes and the letters of escapes beside controls, so that `\\r` (a backslash, then r) and `\\\r` (a
  // backslash, then CR) both come up.
  const text = fc.string({
    unit: fc.constantFrom(
      '\\',
      'r',
      'b',
      'f',
      'u',
      '0',
      '1',
      'a',
      '\r',
      '\b',
      '\f',
      '\t',
      '\n',
      '\u0000',
      '\u001b',
      '\u007f',
      '\u0080',
      '"',
    ),
  })
  const value = fc.letrec(tie => ({
    node: fc.oneof(
      { depthSize: 'small' },
      text,
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('node')),
      fc.dictionary(fc.string(), tie('node')),
    ),
  })).node
  fc.assert(
    fc.property(fc.oneof(value, fc.string({ unit: 'binary' })), v => {
      t.same(JSON.parse(showControlCharsInJson(JSON.stringify(v))), showControlCharsDeep(v))
    }),
    { numRuns: 500 },
  )
  for (let code = 0; code < 0x100; code++) {
    const char = String.fromCharCode(code)
    t.equal(JSON.parse(showControlCharsInJson(JSON.stringify(`a${char}b`))), showControlChars(`a${char}b`), code.toString(16))
  }
  t.equal(
    showControlCharsInJson(JSON.stringify('\\r\\\r')),
    '"\\\\r\\\\\\\\x0d"',
    'a literal backslash before r stays; before CR the CR is shown',
  )
})
